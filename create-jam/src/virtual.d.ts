declare module "virtual:templates" {
  const store: import("./engine/templates.ts").TemplateStore;
  export default store;
}
