import type { Interaction } from "discord.js";
import { languageOf } from "./languages.js";
import { type Translator, translator } from "./translate.js";

/** Words for private answers: the member's own Discord language. */
export function memberWords(interaction: Pick<Interaction, "locale">): Translator {
	return translator(languageOf(interaction.locale));
}
