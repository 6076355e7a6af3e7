import { UserError } from "../errors.js";
import type { RequestProblem } from "../providers/types.js";

/**
 * A request the bot turns down, as a code and parameters. The router words it for the member
 * privately; nothing was charged or sent.
 */
export class Refusal extends UserError {
	override readonly name = "Refusal";
	readonly problem: RequestProblem;

	constructor(problem: RequestProblem) {
		super(problem.code, problem.params);
		this.problem = problem;
	}
}
