// No dialog open: the slot renders nothing (also on a reload of any Explorer page).
export default function NoDialog() {
  return null;
}
