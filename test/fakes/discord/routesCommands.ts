import type { FakeContext } from "./context.js";
import { checkCommandLimits } from "./limits.js";
import { asJson, type Ctx, enforce, errors, type Router } from "./router.js";
import type { StoredCommand } from "./state.js";

type Json = Record<string, unknown>;

/** Application command registration: bulk overwrite, list, single create/get/edit/delete. */
export function addCommandRoutes(router: Router, ctx: FakeContext): void {
	const { store } = ctx;

	const listFor = (app: string, guildId?: string): StoredCommand[] => {
		if (app !== ctx.applicationId) throw errors.unknownApplication();
		if (guildId === undefined) return store.commands.global;
		if (!store.guildById.has(guildId)) throw errors.unknownGuild();
		return store.commands.guild.get(guildId) ?? [];
	};
	const save = (guildId: string | undefined, list: StoredCommand[]) => {
		if (guildId === undefined) store.commands.global = list;
		else store.commands.guild.set(guildId, list);
	};

	/** Keeps the id of a command with the same name and type, as Discord does on overwrite. */
	const normalise = (raw: unknown, existing: StoredCommand[], guildId?: string): StoredCommand => {
		const body = asJson(raw);
		const type = typeof body.type === "number" ? body.type : 1;
		const name = String(body.name ?? "");
		const previous = existing.find((c) => c.name === name && c.type === type);
		const permissions = body.default_member_permissions;
		const command: StoredCommand = {
			...body,
			id: previous?.id ?? store.snowflakes.next(),
			application_id: ctx.applicationId,
			version: store.snowflakes.next(),
			type,
			name,
			description: typeof body.description === "string" ? body.description : "",
			default_member_permissions:
				permissions === undefined || permissions === null ? null : String(permissions),
			nsfw: body.nsfw === true,
			integration_types: body.integration_types ?? [0],
			contexts: body.contexts ?? null,
		};
		if (guildId) command.guild_id = guildId;
		return command;
	};

	const checkUnique = (req: Ctx, list: StoredCommand[]) => {
		const seen = new Set<string>();
		const report = { errors: [] as string[], tree: {} as Json };
		list.forEach((c, i) => {
			const key = `${c.type}:${c.name}`;
			if (seen.has(key)) {
				report.errors.push(`/${i}/name Application command names must be unique`);
				report.tree[String(i)] = {
					name: {
						_errors: [
							{
								code: "APPLICATION_COMMANDS_DUPLICATE_NAME",
								message: "Application command names must be unique",
							},
						],
					},
				};
			}
			seen.add(key);
		});
		enforce(req, report);
	};

	for (const prefix of ["/applications/:app/commands", "/applications/:app/guilds/:guild/commands"]) {
		router.add("GET", prefix, (_req, [app = "", guildId]) => ({ status: 200, body: listFor(app, guildId) }));
		router.add("PUT", prefix, (req, [app = "", guildId]) => {
			const existing = listFor(app, guildId);
			const bodies: unknown[] = Array.isArray(req.body) ? req.body : [];
			bodies.forEach((body, i) => enforce(req, checkCommandLimits(body, [i])));
			const list = bodies.map((c) => normalise(c, existing, guildId));
			checkUnique(req, list);
			save(guildId, list);
			return { status: 200, body: list };
		});
		router.add("POST", prefix, (req, [app = "", guildId]) => {
			const existing = listFor(app, guildId);
			enforce(req, checkCommandLimits(req.body));
			const command = normalise(req.body, existing, guildId);
			const replaced = existing.some((c) => c.id === command.id);
			save(guildId, [...existing.filter((c) => c.id !== command.id), command]);
			return { status: replaced ? 200 : 201, body: command };
		});
		const single = `${prefix}/:command`;
		const find = (app: string, guildId: string | undefined, id: string) => {
			const command = listFor(app, guildId).find((c) => c.id === id);
			if (!command) throw errors.unknownCommand();
			return command;
		};
		// Global routes have no :guild, so the command id is the second parameter there.
		const args = (params: string[]) =>
			params.length === 3
				? ([params[0] ?? "", params[1], params[2] ?? ""] as const)
				: ([params[0] ?? "", undefined, params[1] ?? ""] as const);
		router.add("GET", single, (_req, params) => ({ status: 200, body: find(...args(params)) }));
		router.add("PATCH", single, (req, params) => {
			const [app, guildId, id] = args(params);
			const current = find(app, guildId, id);
			enforce(req, checkCommandLimits({ ...current, ...asJson(req.body) }));
			const updated = normalise({ ...current, ...asJson(req.body) }, [current], guildId);
			save(
				guildId,
				listFor(app, guildId).map((c) => (c.id === id ? updated : c)),
			);
			return { status: 200, body: updated };
		});
		router.add("DELETE", single, (_req, params) => {
			const [app, guildId, id] = args(params);
			find(app, guildId, id);
			save(
				guildId,
				listFor(app, guildId).filter((c) => c.id !== id),
			);
			return { status: 204 };
		});
	}
}
