import { en } from "./en.js";
export const esES = en;
