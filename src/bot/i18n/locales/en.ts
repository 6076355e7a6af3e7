import type { LanguageInfo } from "../languageInfo.js";
import type { Message } from "../message.js";

/**
 * English (US), the reference catalogue: every other language has exactly these keys with the
 * same placeholders. Keys are grouped by where the words appear; `{name}` is a placeholder.
 */
/** The language's code, its own name, and the Discord locales that read it. */
export const language = {
	code: "en",
	name: "English",
	discordLocales: ["en-US", "en-GB"],
} as const satisfies LanguageInfo;

export const messages = {
	// Why a job failed, by the code stored on it (shown publicly, in the server's language).
	"failure.bad_request":
		"The video provider did not accept this request. Check the prompt and images, then try again.",
	"failure.invalid_token":
		"The bot's provider key was refused. A server admin needs to check the provider key.",
	"failure.token_expired": "The bot's provider key has expired. A server admin needs to renew it.",
	"failure.disabled": "The bot's provider account is disabled. A server admin needs to check it.",
	"failure.no_credits":
		"The video provider's credits are used up. A server admin needs to top up the account.",
	"failure.moderated": "The provider's moderation rejected this prompt or image. Try rewording it.",
	"failure.not_found":
		"The video provider did not recognise this request. A server admin needs to check the provider settings.",
	"failure.too_many_requests": "The video provider is busy right now. Try again in a minute.",
	"failure.unavailable": "The video provider cannot take new videos right now. Try again in a few minutes.",
	"failure.api_error": "The video provider had a problem making this video. Try again in a few minutes.",
	"failure.timeout":
		"The video provider took too long to answer, so the bot cannot tell whether it started this video. It was not sent again; try again in a few minutes.",
	"failure.unreachable": "The bot could not reach the video provider. Try again in a few minutes.",
	"failure.network": "The connection to the video provider broke. Try again in a few minutes.",
	"failure.invalid_response": "The video provider sent an answer the bot could not read. Try again later.",
	"failure.failed":
		"The video provider could not make this video. Try again, perhaps with a different prompt.",
	"failure.no_output": "The video provider finished without returning a video. Try again.",
	"failure.unknown": "The video provider refused the request. Try again later.",
	"failure.internal":
		"Something went wrong on the bot's side while starting this video. It has been logged; please try again.",
	"failure.timeout_waiting":
		"The provider did not finish this video within {minutes} minutes, so the bot stopped waiting. Try again; if it keeps happening, the provider may be overloaded.",
	"failure.interrupted_while_submitting":
		"The bot restarted while sending this request, so it cannot tell whether the provider received it. It was not sent again, to avoid paying twice. Run the command again if no video arrives.",
	"failure.interrupted_before_start":
		"The bot restarted before this request started. Nothing was sent or charged; run the command again.",
	"failure.not_started": "This request did not start. Nothing was sent or charged.",
	"failure.provider_not_configured":
		"This video was being made by {provider}, which this bot no longer uses, so it cannot be finished. Your unit was given back; run the command again.",
	"failure.none": "The video could not be made.",
	"failure.nothing_charged": "{reason} Nothing was charged.",

	// Requests turned down, told privately in the member's language.
	"refusal.unsupported_option":
		"{provider}, the video provider this bot uses, does not support {feature}. Run the command again without it.",
	"refusal.unsupported_option_value":
		"{provider}, the video provider this bot uses, does not support {feature} ({value}). Run the command again without it.",
	"refusal.extend_unsupported": "{provider} cannot extend videos, so this clip can't be continued.",
	"refusal.extend_by_url_unsupported":
		"{provider} can only extend videos it made itself. Pick one of this server's videos instead of a link.",
	"refusal.extend_end_frame_unsupported":
		"{provider} cannot use an end frame when extending. Run the command again without it.",
	"refusal.extend_backward_unsupported":
		"{provider} can only extend forwards. Run the command again without the direction.",
	"refusal.extend_option":
		"{provider} takes only a prompt and an end frame when extending, not {feature}. Run the command again without it.",
	"refusal.extend_start_frame":
		"An extension starts where its clip ends, so it can't have a start frame as well. Run the command again without it.",
	"refusal.extend_target_missing":
		"Say which video to extend: pick one from the list, or paste a video ID or link.",
	"refusal.extend_backward_end_frame":
		"A clip that leads into a video ends on that video, so it can't have an end frame as well. Drop one of the two.",
	"refusal.extend_provider_not_configured":
		"That clip was made with {provider}, which this bot no longer uses, so it can't be extended. Make a new video instead.",
	"refusal.provider_account":
		"{provider} refused the bot's account, so no videos can be made right now. A server admin needs to check the provider key; try again later.",
	"refusal.provider_account_credits":
		"{provider}'s credits for this bot are used up, so no videos can be made right now. A server admin has been told; try again later.",
	"refusal.prompt_language":
		"{provider} only takes prompts in English. Rewrite the prompt in English and try again.",
	"refusal.model_unknown": "The model {model} is not available here. Pick one from the list.",
	"refusal.duration_text_only":
		"{duration} clips can only be made from a prompt alone. Remove the frames, or pick a shorter clip.",
	"refusal.loop_duration": "{duration} clips cannot loop. Turn loop off, or pick a shorter clip.",
	"refusal.delete_gone": "That video is already gone.",
	"refusal.delete_not_allowed":
		"Only the person who asked for this video, or a member with Manage Messages, can delete it.",
	"refusal.link_provider_not_configured":
		"That video was made with {provider}, which this bot no longer uses, so no fresh link can be fetched.",
	"refusal.link_unavailable":
		"A fresh link for this video is not available any more. The uploaded file above still plays.",
	"refusal.generic": "This request can't be made with the bot's video provider.",
	"refusal.prompt_empty":
		"Your prompt is empty. Describe the video you want, for example: *a paper boat drifting down a rainy street*.",
	"refusal.prompt_too_long":
		"Your prompt is {length} characters; the limit is {max}. Shorten it and try again.",
	"refusal.extend_prompt_missing":
		"Write a prompt for the next part: that video has no earlier prompt to reuse.",
	"refusal.frame_too_large": "{frame} is {size}; frames can be at most {max}. Attach a smaller image.",
	"refusal.frame_unreadable": "{frame} could not be read from Discord. Attach it again and retry.",
	"refusal.frame_not_image":
		"{frame} ({filename}) is not a PNG, JPEG or WebP image. Attach an image in one of those formats.",
	"refusal.server_only": "Videos can only be made in a server.",
	"refusal.quota_server_only": "Limits apply per server; use this command in a server.",
	"refusal.admin_server_only": "This command works in a server only.",
	"refusal.blocked_prompt":
		'Your prompt contains "{word}", which this server does not allow. Rephrase it and try again.',
	"refusal.banned":
		"You are banned from making videos in this server. Ask a server admin if you think this is a mistake.",
	"refusal.channel": {
		"=0": "Videos can't be made in this channel. Use one of: {channels}.",
		other: "Videos can't be made in this channel. Use one of: {channels} and {count} more.",
	},
	"refusal.role": {
		"=0": "You need one of these roles to make videos: {roles}. Ask a server admin how to get one.",
		other:
			"You need one of these roles to make videos: {roles} and {count} more. Ask a server admin how to get one.",
	},
	"refusal.guild_monthly": {
		one: "This server has used {used} of {count} video this month; the limit resets {resets}. Ask a server admin if you need more.",
		other:
			"This server has used {used} of {count} videos this month; the limit resets {resets}. Ask a server admin if you need more.",
	},
	"refusal.guild_daily": {
		one: "This server has used {used} of {count} video today; the limit resets {resets}. Try again after that.",
		other:
			"This server has used {used} of {count} videos today; the limit resets {resets}. Try again after that.",
	},
	"refusal.user_daily": {
		one: "You have used {used} of {count} video today; your limit resets {resets}. Ask a server admin if you need more.",
		other:
			"You have used {used} of {count} videos today; your limit resets {resets}. Ask a server admin if you need more.",
	},
	"refusal.user_concurrent": {
		one: "You already have {count} video in progress (limit {limit}). Wait until it finishes.",
		other: "You already have {count} videos in progress (limit {limit}). Wait until one finishes.",
	},
	"refusal.guild_concurrent": {
		one: "This server has {count} video in progress (limit {limit}). Try again when one finishes.",
		other: "This server has {count} videos in progress (limit {limit}). Try again when one finishes.",
	},
	"refusal.cooldown": "Slow down: you can start another video {resets} (cooldown {seconds} s).",
	"refusal.video_other_server": "That video belongs to another server, so it can't be extended here.",
	"refusal.video_deleted": "That video was deleted, so it can't be extended. Pick another one.",
	"refusal.video_failed": "That video failed, so there is nothing to extend. Pick a finished video.",
	"refusal.video_in_progress": "That video is still being made. Wait until it is done, then extend it.",
	"refusal.extension_repeated":
		"You asked for this same extension a moment ago, and it is being made: watch for it in the channel. To make another one, change the prompt.",
	"refusal.video_unknown": "That video is no longer known to the bot, so it can't be extended.",
	"refusal.link_other_server":
		"That link points to a message in another server. Link a video from this server.",
	"refusal.link_no_video":
		"That message has no video from this bot. Link a message that shows a finished video.",
	"refusal.bad_url": "That link is not a valid URL. Paste the video's full address.",
	"refusal.unknown_video_id":
		"No video with the ID `{id}` is known here. Pick one from the list, or paste the video ID shown on a result.",
	"refusal.extend_missing_permissions":
		"I can't post in this channel (missing: {permissions}), and an extension starts with a message of its own here. Ask an admin to give me those permissions here, or extend in another channel.",
	"refusal.extend_needs_channel": "Extensions can only be started in a server channel.",
	"refusal.cannot_post":
		"I can't post in this channel. I need the View Channel, Send Messages and Embed Links permissions here.",
	"refusal.not_bot_message":
		"That message is not from this bot. Use Extend video on a finished video the bot posted.",
	"refusal.no_video_in_message":
		"That message has no video from this bot. Use Extend video on a finished video.",
	"refusal.command_gone":
		"This command is not available any more. Discord may still be updating the command list.",
	"refusal.control_gone": "This button is not in use any more.",
	"refusal.form_gone": "This form is out of date. Close it and press Extend on the video again.",
	"refusal.subcommand_unavailable":
		"That part of /luma is not available with the bot's current video provider. Discord may still be updating the command list.",
	"refusal.bad_time_zone":
		'"{zone}" is not a time zone. Use a name like Europe/Paris or America/New_York, or UTC.',
	"refusal.blocklist_pattern_too_long":
		"That entry can't be used: a pattern can be at most {max} characters long.",
	"refusal.blocklist_bad_flag":
		'That entry can\'t be used: the flag "{flag}" is not allowed; use i, m, s or u.',
	"refusal.blocklist_unsupported":
		"That entry can't be used: patterns run on a linear-time engine, which has no backreferences or lookaround ({error}).",
	"refusal.blocklist_does_not_compile": "That entry can't be used: the pattern does not compile ({error}).",
	"refusal.blocklist_matches_everything": "That entry can't be used: the pattern matches every prompt.",
	"refusal.blocklist_empty": "That entry can't be used: it is empty.",
	"refusal.blocklist_word_too_long":
		"That entry can't be used: a word or phrase can be at most {max} characters long.",
	"error.generic": "Something went wrong on our side. It has been logged; please try again in a moment.",
	"error.shutting_down": "The bot is restarting. Please try again in a minute.",

	// Words that fill refusals: what a provider lacks, and which frame is meant.
	"provider.unknown": "The video provider",
	"feature.aspect_ratio": "a choice of aspect ratio",
	"feature.loop": "looping videos",
	"feature.enhance": "prompt enhancement",
	"feature.start_frame": "a start frame",
	"feature.end_frame": "an end frame",
	"feature.model": "that model",
	"feature.duration": "that clip length",
	"feature.resolution": "that resolution",
	"frame.start": "The start frame",
	"frame.end": "The end frame",

	// The public job messages.
	"job.title_generate": "Making your video",
	"job.title_extend": "Extending a video",
	"job.title_ready": "Video ready",
	"job.title_extended": "Video extended",
	"job.title_failed": "Video failed",
	"job.state": "State",
	"job.state_queued": "⏳ Queued",
	"job.state_running": "🎬 Generating",
	"job.started": "Started",
	"job.options": "Options",
	"job.options_default": "default options",
	"job.option_backward": "leads into the clip",
	"job.option_loop": "loop",
	"job.option_enhance_on": "prompt enhancement on",
	"job.option_enhance_off": "prompt enhancement off",
	"job.requested_by": "Requested by",
	"job.credits": "Credits",
	"job.credits_own": "Extended by {user} from their own clip",
	"job.credits_other": "Extended by {user} from {parent}'s clip",
	"job.credits_elsewhere": "Extended by {user} from [a video made elsewhere]({url})",
	"job.chain": "Chain",
	"job.chain_part": "Part {part} of this chain",
	"job.chain_part_link": "Part {part} of [this chain]({url})",
	"job.start_frame": "Start frame",
	"job.end_frame": "End frame",
	"job.resolution": "Resolution",
	"job.made_in": "Made in",
	"job.made_with": "Made with",
	"job.made_with_failover": "{made} ({from} was unavailable)",
	"job.video_id": "Video ID",
	"job.video": "Video",
	"job.too_large": "Too large to upload in this channel. Use **Get link** for a fresh download link.",
	"job.delivered_by_dm": "Your video from <#{channel}>: I could not post it there.",
	"job.delivered_to_log":
		"This video for <@{user}> could not be posted in <#{channel}> or sent to them directly.",
	"job.channel_note":
		"Heads-up: I can't post in this channel myself (missing: {permissions}). Your video shows here if it is ready within 15 minutes; after that I'll send it to you by direct message.",
	"job.prompt": "Prompt",
	"job.footer": "Job {id}",
	"job.footer_options": "Job {id} · {options}",
	"job.button_extend": "Extend",
	"job.button_link": "Get link",
	"job.button_open": "Open video",
	"job.button_delete": "Delete",
	"job.just_now": "just now",

	// Private answers to buttons, forms and /luma.
	"extend.modal_title": "Extend this video",
	"extend.modal_label": "What happens next?",
	"extend.modal_hint": "Leave empty to reuse the clip's prompt.",
	"extend.follow": "Extending the clip: follow it here {url}",
	"reply.deleted": "Deleted the video. It can no longer be extended.",
	"reply.already_deleted": "This video is already deleted.",
	"reply.fresh_link": "Here is a fresh link to the video (it works for about an hour): {url}",

	// /luma quota.
	"quota.exempt": "Your role is exempt: no limits apply to you.",
	"quota.you_today": "**You today:** {left}",
	"quota.server_today": "**Server today:** {left}",
	"quota.server_month": "**Server this month:** {left}",
	"quota.left": "**{remaining}** of {limit} left",
	"quota.unlimited": "no limit ({used} used)",
	"quota.in_progress": "**In progress:** yours {user}, server {guild}",
	"quota.cooldown": "**Cooldown:** {seconds} s left",
	"quota.resets": "Daily limits reset {day}, monthly {month} ({zone}).",

	// /luma-admin answers and the audit log's "Settings changed".
	"limit.guildDaily": "videos per day (server)",
	"limit.guildMonthly": "videos per month (server)",
	"limit.guildMaxConcurrent": "videos in progress at once (server)",
	"limit.userDaily": "videos per day (per member)",
	"limit.userMaxConcurrent": "videos in progress at once (per member)",
	"limit.userCooldownSeconds": "seconds between requests (per member)",
	"admin.no_limit": "no limit",
	"admin.limits_heading": "**Limits**",
	"admin.limit_line": "- {name}: **{value}**",
	"admin.limit_line_default": "- {name}: **{value}** (default)",
	"admin.time_zone_line": "- days and months turn over at midnight in **{zone}**",
	"admin.limit_change": "{name}: {value}",
	"admin.time_zone_change": "time zone: {zone}",
	"admin.limits_updated": "Limits updated: {changes}.",
	"admin.channels_line": "**Channels:** {channels}",
	"admin.every_channel": "every channel",
	"admin.required_roles_line": "**Required roles:** {roles}",
	"admin.no_required_roles": "none (everyone may make videos)",
	"admin.exempt_roles_line": "**Exempt roles:** {roles}",
	"admin.banned_line": "**Banned members:** {users}",
	"admin.blocklist_line": "**Blocklist:** {entries}",
	"admin.blocklist_empty": "empty",
	"admin.audit_line": "**Audit log:** {channel}",
	"admin.audit_off": "off",
	"admin.language_line": "**Language:** {language}",
	"admin.language_auto": "the server's Discord language (now {language})",
	"admin.none": "none",
	"admin.usage_today": {
		one: "**Today:** {count} video (resets {resets})",
		other: "**Today:** {count} videos (resets {resets})",
	},
	"admin.usage_month": {
		one: "**This month:** {count} video (resets {resets})",
		other: "**This month:** {count} videos (resets {resets})",
	},
	"admin.usage_in_progress": "**In progress:** {count}",
	"admin.usage_top": "**Top members today:**",
	"admin.usage_nobody": "nobody yet",
	"admin.already_listed": "{label} is already on the list; nothing changed.",
	"admin.not_listed": "{label} is not on the list; nothing changed.",
	"admin.allowedChannels_added": "Videos can now be made in {label}.",
	"admin.allowedChannels_removed": "Videos can no longer be made in {label}.",
	"admin.requiredRoles_added": "Members now need a required role; added {label}.",
	"admin.requiredRoles_removed": "No longer a required role: {label}.",
	"admin.exemptRoles_added": "No limits now apply to {label}.",
	"admin.exemptRoles_removed": "Limits apply again to {label}.",
	"admin.bannedUsers_added": "Banned from making videos: {label}.",
	"admin.bannedUsers_removed": "Allowed to make videos again: {label}.",
	"admin.blocklist_added": "Prompts may no longer contain {label}.",
	"admin.blocklist_removed": "Prompts may contain {label} again.",
	"admin.channels_cleared": "Videos can be made in every channel again.",
	"admin.role_not_listed": "{role} is neither required nor exempt; nothing changed.",
	"admin.role_removed": "{role} is no longer required or exempt.",
	"admin.log_channel_set": "The audit log now goes to {channel}.",
	"admin.log_channel_off": "The audit log is off.",
	"admin.reset_user": "Reset today's usage for {user}.",
	"admin.reset_server": "Reset today's usage for the whole server.",
	"admin.language_set": "Public messages are now in {language}.",
	"admin.language_cleared": "Public messages now follow the server's Discord language.",
	"admin.channels_list": "Videos can be made in: {channels}",
	"admin.channels_everywhere": "Videos can be made in every channel.",
	"admin.roles_list": "Required roles: {required}\nExempt roles: {exempt}",
	"admin.blocklist_list": "Blocked: {entries}",
	"admin.blocklist_list_empty": "The blocklist is empty.",

	// The audit log channel.
	"audit.extension_requested": "Extension requested",
	"audit.video_requested": "Video requested",
	"audit.video_deleted": "Video deleted",
	"audit.video_made": "Video made",
	"audit.video_failed": "Video failed",
	"audit.prompt_blocked": "Prompt blocked",
	"audit.banned_refused": "Banned member refused",
	"audit.provider_refused": "Video provider refused the bot's account",
	"audit.settings_changed": "Settings changed",
	"audit.by": "By",
	"audit.channel": "Channel",
	"audit.message": "Message",
	"audit.reason": "Reason",
	"audit.deleted_by": "Deleted by",
	"audit.matched": "Matched",
	"audit.provider": "Provider",

	// Command definitions: names follow Discord's rules (lowercase, no spaces, at most 32).
	"cmd.luma.description": "Make short AI videos with Luma",
	"cmd.generate.name": "generate",
	"cmd.generate.description": "Make a video from a prompt",
	"cmd.generate.description_frames":
		"Make a video from a prompt, optionally between a start and an end frame",
	"cmd.prompt.name": "prompt",
	"cmd.generate.prompt": "What should happen in the video",
	"cmd.start_frame.name": "start_frame",
	"cmd.start_frame.description": "Image for the first frame (PNG, JPEG or WebP)",
	"cmd.end_frame.name": "end_frame",
	"cmd.end_frame.description": "Image for the last frame (PNG, JPEG or WebP)",
	"cmd.aspect_ratio.name": "aspect_ratio",
	"cmd.aspect_ratio.description": "Shape of the video (default {default})",
	"cmd.loop.name": "loop",
	"cmd.loop.description": "Make the video loop seamlessly",
	"cmd.enhance.name": "enhance",
	"cmd.enhance.description": "Let the provider improve your prompt",
	"cmd.model.name": "model",
	"cmd.model.description": "Video model (default {default})",
	"cmd.duration.name": "duration",
	"cmd.duration.description": "Length of the clip (default {default})",
	"cmd.resolution.name": "resolution",
	"cmd.resolution.description": "Resolution of the clip (default {default})",
	"cmd.extend.name": "extend",
	"cmd.extend.description": "Continue a video with a new prompt; anyone may extend anyone's clip",
	"cmd.video.name": "video",
	"cmd.video.description": "A recent video, its video ID, or a link to the bot's message",
	"cmd.video.description_url": "A recent video, its video ID, a link to the bot's message, or a video URL",
	"cmd.extend.prompt": "What happens next (default: the clip's prompt)",
	"cmd.direction.name": "direction",
	"cmd.direction.description": "Continue after the clip (default), or make the part that leads into it",
	"cmd.direction.forward": "after the clip",
	"cmd.direction.backward": "before the clip",
	"cmd.quota.name": "quota",
	"cmd.quota.description": "How many videos you and this server have left, and when limits reset",
	"cmd.extend_video.name": "Extend video",

	"cmd.admin.description": "Set who may make videos, where, and how many",
	"cmd.limits.name": "limits",
	"cmd.limits.description": "Set limits (0 = no limit); with no options, show them",
	"cmd.server_daily.name": "server_daily",
	"cmd.server_monthly.name": "server_monthly",
	"cmd.server_concurrent.name": "server_concurrent",
	"cmd.member_daily.name": "member_daily",
	"cmd.member_concurrent.name": "member_concurrent",
	"cmd.member_cooldown_seconds.name": "member_cooldown_seconds",
	"cmd.time_zone.name": "time_zone",
	"cmd.time_zone.description": "When days and months turn over, e.g. Europe/Paris (UTC to reset)",
	"cmd.channels.name": "channels",
	"cmd.channels.description": "Where videos may be made (none listed: everywhere)",
	"cmd.allow.name": "allow",
	"cmd.allow.description": "Allow videos in a channel",
	"cmd.disallow.name": "disallow",
	"cmd.disallow.description": "Remove a channel from the allowed list",
	"cmd.channels_clear.description": "Allow videos in every channel again",
	"cmd.channels_list.description": "Show the allowed channels",
	"cmd.channel.name": "channel",
	"cmd.channel.description": "Channel",
	"cmd.roles.name": "roles",
	"cmd.roles.description": "Which roles may make videos, and which have no limits",
	"cmd.require.name": "require",
	"cmd.require.description": "Only members with a required role may make videos",
	"cmd.exempt.name": "exempt",
	"cmd.exempt.description": "Members with this role are not limited",
	"cmd.roles_remove.description": "Remove a role from both lists",
	"cmd.roles_list.description": "Show required and exempt roles",
	"cmd.role.name": "role",
	"cmd.role.description": "Role",
	"cmd.blocklist.name": "blocklist",
	"cmd.blocklist.description": "Words and /regex/ patterns prompts may not contain",
	"cmd.add.name": "add",
	"cmd.blocklist_add.description": "Block a word, phrase or /regex/",
	"cmd.blocklist_remove.description": "Unblock an entry",
	"cmd.blocklist_list.description": "Show the blocklist",
	"cmd.entry.name": "entry",
	"cmd.entry.description": "A word, a phrase, or /pattern/",
	"cmd.entry.description_listed": "The entry as listed",
	"cmd.ban.name": "ban",
	"cmd.ban.description": "Stop a member from making videos",
	"cmd.unban.name": "unban",
	"cmd.unban.description": "Let a member make videos again",
	"cmd.user.name": "user",
	"cmd.user.description": "Member",
	"cmd.user.description_reset": "Member (leave empty for the whole server)",
	"cmd.log_channel.name": "log-channel",
	"cmd.log_channel.description": "Where requests, outcomes and changes are logged",
	"cmd.set.name": "set",
	"cmd.log_channel_set.description": "Log to a channel",
	"cmd.log_channel_clear.description": "Stop logging",
	"cmd.usage.name": "usage",
	"cmd.usage.description": "Today's and this month's usage, top members",
	"cmd.reset.name": "reset",
	"cmd.reset.description": "Reset today's usage for a member, or the whole server",
	"cmd.settings.name": "settings",
	"cmd.settings.description": "Every setting at a glance, and the server's language",
	"cmd.show.name": "show",
	"cmd.show.description": "Every setting at a glance",
	"cmd.language.name": "language",
	"cmd.language.description": "The language of public messages: results, failures and the audit log",
	"cmd.language.option": "A language, or follow the server's Discord language",
	"cmd.language.auto": "Follow the server's Discord language",
	"cmd.clear.name": "clear",
	"cmd.list.name": "list",
	"cmd.remove.name": "remove",
} as const satisfies Record<string, Message>;
