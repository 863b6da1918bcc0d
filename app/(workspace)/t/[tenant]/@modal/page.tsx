// Soft navigation keeps a slot's last page: these empty pages close the dialog when the user
// navigates elsewhere from it (a link in the result, the sidebar), here the tenant's home…
export default function NoDialog() {
  return null;
}
