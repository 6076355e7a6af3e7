import { en } from "./en.js";
export const ptBR = en;
