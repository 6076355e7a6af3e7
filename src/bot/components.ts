import { UserError } from "../errors.js";
import type { ComponentHandlers } from "./command.js";
import { extendFromModal, openExtendModal } from "./extendFlow.js";

/** What each persistent custom id action does. */
export const componentHandlers: ComponentHandlers = {
	async extend(interaction, context, jobId) {
		if (!interaction.isButton()) throw new UserError("This control is not a button.");
		await openExtendModal(interaction, context, jobId);
	},
	async "extend-modal"(interaction, context, jobId) {
		if (!interaction.isModalSubmit()) throw new UserError("This control is not a form.");
		await extendFromModal(interaction, context, jobId);
	},
};
