import type { RequestProblem } from "../providers/types.js";

/**
 * A request the bot turns down, as a code and parameters. The router words it for the member
 * privately; nothing was charged or sent.
 */
export class Refusal extends Error {
	override readonly name = "Refusal";
	readonly problem: RequestProblem;

	constructor(problem: RequestProblem) {
		super(`request refused: ${problem.code}`);
		this.problem = problem;
	}
}
