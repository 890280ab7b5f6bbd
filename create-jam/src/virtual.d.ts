declare module "virtual:templates" {
  const store: import("./engine/render.ts").TemplateStore;
  export default store;
}
