/** The import routes' multipart body: the bundle as the `bundle` file, the options as JSON. */
export function bundleForm(bundle: string | Uint8Array<ArrayBuffer>, options?: unknown): FormData {
  const form = new FormData();
  form.set("bundle", new Blob([bundle], { type: "application/json" }), "bundle.json");
  if (options !== undefined) form.set("options", JSON.stringify(options));
  return form;
}
