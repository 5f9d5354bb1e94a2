// Style sheets imported by modules (Vite bundles them).
declare module "*.css";
