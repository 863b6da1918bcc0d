// …and every other Explorer page.
export default function NoDialog() {
  return null;
}
