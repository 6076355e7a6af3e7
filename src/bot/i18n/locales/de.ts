import type { Catalogue } from "../catalogue.js";
import type { LanguageInfo } from "../languageInfo.js";

/** Deutsch. */
/** The language's code, its own name, and the Discord locales that read it. */
export const language = {
	code: "de",
	name: "Deutsch",
	discordLocales: ["de"],
} as const satisfies LanguageInfo;

export const messages = {
	"failure.bad_request":
		"Der Videoanbieter hat diese Anfrage nicht angenommen. Prüfe die Beschreibung und die Bilder und versuche es noch einmal.",
	"failure.invalid_token":
		"Der Anbieterschlüssel des Bots wurde abgelehnt. Ein Server-Admin muss den Anbieterschlüssel prüfen.",
	"failure.token_expired":
		"Der Anbieterschlüssel des Bots ist abgelaufen. Ein Server-Admin muss ihn erneuern.",
	"failure.disabled": "Das Anbieterkonto des Bots ist deaktiviert. Ein Server-Admin muss es prüfen.",
	"failure.no_credits":
		"Das Guthaben beim Videoanbieter ist aufgebraucht. Ein Server-Admin muss das Konto aufladen.",
	"failure.moderated":
		"Die Moderation des Anbieters hat diese Beschreibung oder dieses Bild abgelehnt. Versuche es mit anderen Worten.",
	"failure.not_found":
		"Der Videoanbieter hat diese Anfrage nicht erkannt. Ein Server-Admin muss die Anbietereinstellungen prüfen.",
	"failure.too_many_requests":
		"Der Videoanbieter ist gerade ausgelastet. Versuche es in einer Minute noch einmal.",
	"failure.unavailable":
		"Der Videoanbieter kann gerade keine neuen Videos annehmen. Versuche es in ein paar Minuten noch einmal.",
	"failure.api_error":
		"Beim Videoanbieter ist beim Erstellen dieses Videos ein Problem aufgetreten. Versuche es in ein paar Minuten noch einmal.",
	"failure.timeout":
		"Der Videoanbieter hat zu lange nicht geantwortet, daher weiß der Bot nicht, ob das Video gestartet wurde. Es wurde nicht erneut gesendet; versuche es in ein paar Minuten noch einmal.",
	"failure.unreachable":
		"Der Bot konnte den Videoanbieter nicht erreichen. Versuche es in ein paar Minuten noch einmal.",
	"failure.network":
		"Die Verbindung zum Videoanbieter ist abgebrochen. Versuche es in ein paar Minuten noch einmal.",
	"failure.invalid_response":
		"Der Videoanbieter hat eine Antwort geschickt, die der Bot nicht lesen konnte. Versuche es später noch einmal.",
	"failure.failed":
		"Der Videoanbieter konnte dieses Video nicht erstellen. Versuche es noch einmal, vielleicht mit einer anderen Beschreibung.",
	"failure.no_output":
		"Der Videoanbieter ist fertig geworden, hat aber kein Video geliefert. Versuche es noch einmal.",
	"failure.unknown": "Der Videoanbieter hat die Anfrage abgelehnt. Versuche es später noch einmal.",
	"failure.internal":
		"Beim Starten dieses Videos ist im Bot etwas schiefgegangen. Der Fehler wurde protokolliert; bitte versuche es noch einmal.",
	"failure.timeout_waiting":
		"Der Anbieter hat dieses Video nicht innerhalb von {minutes} Minuten fertiggestellt, daher wartet der Bot nicht länger. Versuche es noch einmal; wenn das öfter passiert, ist der Anbieter vielleicht überlastet.",
	"failure.interrupted_while_submitting":
		"Der Bot wurde neu gestartet, während er diese Anfrage gesendet hat, daher weiß er nicht, ob der Anbieter sie erhalten hat. Sie wurde nicht erneut gesendet, damit nichts doppelt bezahlt wird. Führe den Befehl noch einmal aus, wenn kein Video kommt.",
	"failure.interrupted_before_start":
		"Der Bot wurde neu gestartet, bevor diese Anfrage begonnen hat. Es wurde nichts gesendet oder berechnet; führe den Befehl noch einmal aus.",
	"failure.not_started": "Diese Anfrage wurde nicht gestartet. Es wurde nichts gesendet oder berechnet.",
	"failure.provider_not_configured":
		"Dieses Video wurde von {provider} erstellt, den dieser Bot nicht mehr nutzt, daher kann es nicht fertiggestellt werden. Deine Einheit wurde zurückgegeben; führe den Befehl noch einmal aus.",
	"failure.none": "Das Video konnte nicht erstellt werden.",
	"failure.nothing_charged": "{reason} Es wurde nichts berechnet.",

	"refusal.unsupported_option":
		"{provider}, der Videoanbieter dieses Bots, unterstützt {feature} nicht. Führe den Befehl ohne diese Option noch einmal aus.",
	"refusal.unsupported_option_value":
		"{provider}, der Videoanbieter dieses Bots, unterstützt {feature} ({value}) nicht. Führe den Befehl ohne diese Option noch einmal aus.",
	"refusal.extend_unsupported":
		"{provider} kann keine Videos verlängern, daher lässt sich dieser Clip nicht fortsetzen.",
	"refusal.extend_by_url_unsupported":
		"{provider} kann nur Videos verlängern, die er selbst erstellt hat. Wähle statt eines Links eines der Videos dieses Servers.",
	"refusal.extend_end_frame_unsupported":
		"{provider} kann beim Verlängern kein Endbild verwenden. Führe den Befehl ohne Endbild noch einmal aus.",
	"refusal.extend_backward_unsupported":
		"{provider} kann nur nach vorne verlängern. Führe den Befehl ohne die Richtung noch einmal aus.",
	"refusal.extend_option":
		"{provider} nimmt beim Verlängern nur eine Beschreibung und ein Endbild an, nicht {feature}. Führe den Befehl ohne diese Option noch einmal aus.",
	"refusal.extend_start_frame":
		"Eine Verlängerung beginnt dort, wo ihr Clip endet, daher kann sie nicht auch noch ein Startbild haben. Führe den Befehl ohne Startbild noch einmal aus.",
	"refusal.extend_target_missing":
		"Gib an, welches Video verlängert werden soll: Wähle eines aus der Liste oder füge eine Video-ID oder einen Link ein.",
	"refusal.extend_backward_end_frame":
		"Ein Clip, der in ein Video hineinführt, endet mit diesem Video und kann daher kein eigenes Endbild haben. Lass eines von beiden weg.",
	"refusal.extend_provider_not_configured":
		"Dieser Clip wurde mit {provider} erstellt, den dieser Bot nicht mehr nutzt, daher kann er nicht verlängert werden. Erstelle stattdessen ein neues Video.",
	"refusal.provider_account":
		"{provider} hat das Konto des Bots abgelehnt, daher können gerade keine Videos erstellt werden. Ein Server-Admin muss den Anbieterschlüssel prüfen; versuche es später noch einmal.",
	"refusal.provider_account_credits":
		"Das Guthaben dieses Bots bei {provider} ist aufgebraucht, daher können gerade keine Videos erstellt werden. Ein Server-Admin wurde informiert; versuche es später noch einmal.",
	"refusal.prompt_language":
		"{provider} nimmt nur Beschreibungen auf Englisch an. Schreibe die Beschreibung auf Englisch und versuche es noch einmal.",
	"refusal.model_unknown": "Das Modell {model} ist hier nicht verfügbar. Wähle eines aus der Liste.",
	"refusal.duration_text_only":
		"Clips mit {duration} können nur aus einer Beschreibung allein erstellt werden. Entferne die Bilder oder wähle einen kürzeren Clip.",
	"refusal.loop_duration":
		"Clips mit {duration} können nicht in Schleife laufen. Schalte die Schleife aus oder wähle einen kürzeren Clip.",
	"refusal.delete_gone": "Dieses Video ist bereits weg.",
	"refusal.delete_not_allowed":
		"Nur die Person, die dieses Video angefordert hat, oder ein Mitglied mit der Berechtigung „Nachrichten verwalten“ kann es löschen.",
	"refusal.link_provider_not_configured":
		"Dieses Video wurde mit {provider} erstellt, den dieser Bot nicht mehr nutzt, daher kann kein neuer Link abgerufen werden.",
	"refusal.link_unavailable":
		"Für dieses Video gibt es keinen neuen Link mehr. Die oben hochgeladene Datei lässt sich weiterhin abspielen.",
	"refusal.generic": "Diese Anfrage ist mit dem Videoanbieter des Bots nicht möglich.",
	"refusal.prompt_empty":
		"Deine Beschreibung ist leer. Beschreibe das gewünschte Video, zum Beispiel: *ein Papierschiff, das eine verregnete Straße hinuntertreibt*.",
	"refusal.prompt_too_long":
		"Deine Beschreibung hat {length} Zeichen; erlaubt sind {max}. Kürze sie und versuche es noch einmal.",
	"refusal.extend_prompt_missing":
		"Schreibe eine Beschreibung für den nächsten Teil: Dieses Video hat keine frühere Beschreibung, die wiederverwendet werden könnte.",
	"refusal.frame_too_large":
		"{frame} ist {size} groß; Bilder dürfen höchstens {max} groß sein. Hänge ein kleineres Bild an.",
	"refusal.frame_unreadable":
		"{frame} konnte nicht von Discord gelesen werden. Hänge es noch einmal an und versuche es erneut.",
	"refusal.frame_not_image":
		"{frame} ({filename}) ist kein PNG-, JPEG- oder WebP-Bild. Hänge ein Bild in einem dieser Formate an.",
	"refusal.server_only": "Videos können nur auf einem Server erstellt werden.",
	"refusal.quota_server_only": "Limits gelten pro Server; verwende diesen Befehl auf einem Server.",
	"refusal.admin_server_only": "Dieser Befehl funktioniert nur auf einem Server.",
	"refusal.blocked_prompt":
		"Deine Beschreibung enthält „{word}“, was auf diesem Server nicht erlaubt ist. Formuliere sie um und versuche es noch einmal.",
	"refusal.banned":
		"Du bist auf diesem Server vom Erstellen von Videos ausgeschlossen. Frag einen Server-Admin, wenn du das für einen Irrtum hältst.",
	"refusal.channel": {
		"=0": "In diesem Kanal können keine Videos erstellt werden. Verwende einen dieser Kanäle: {channels}.",
		other:
			"In diesem Kanal können keine Videos erstellt werden. Verwende einen dieser Kanäle: {channels} und {count} weitere.",
	},
	"refusal.role": {
		"=0": "Du brauchst eine dieser Rollen, um Videos zu erstellen: {roles}. Frag einen Server-Admin, wie du eine bekommst.",
		other:
			"Du brauchst eine dieser Rollen, um Videos zu erstellen: {roles} und {count} weitere. Frag einen Server-Admin, wie du eine bekommst.",
	},
	"refusal.guild_monthly": {
		one: "Dieser Server hat diesen Monat {used} von {count} Video genutzt; das Limit wird {resets} zurückgesetzt. Frag einen Server-Admin, wenn du mehr brauchst.",
		other:
			"Dieser Server hat diesen Monat {used} von {count} Videos genutzt; das Limit wird {resets} zurückgesetzt. Frag einen Server-Admin, wenn du mehr brauchst.",
	},
	"refusal.guild_daily": {
		one: "Dieser Server hat heute {used} von {count} Video genutzt; das Limit wird {resets} zurückgesetzt. Versuche es danach noch einmal.",
		other:
			"Dieser Server hat heute {used} von {count} Videos genutzt; das Limit wird {resets} zurückgesetzt. Versuche es danach noch einmal.",
	},
	"refusal.user_daily": {
		one: "Du hast heute {used} von {count} Video genutzt; dein Limit wird {resets} zurückgesetzt. Frag einen Server-Admin, wenn du mehr brauchst.",
		other:
			"Du hast heute {used} von {count} Videos genutzt; dein Limit wird {resets} zurückgesetzt. Frag einen Server-Admin, wenn du mehr brauchst.",
	},
	"refusal.user_concurrent": {
		one: "Bei dir wird bereits {count} Video erstellt (Limit {limit}). Warte, bis es fertig ist.",
		other: "Bei dir werden bereits {count} Videos erstellt (Limit {limit}). Warte, bis eines fertig ist.",
	},
	"refusal.guild_concurrent": {
		one: "Auf diesem Server wird gerade {count} Video erstellt (Limit {limit}). Versuche es wieder, wenn es fertig ist.",
		other:
			"Auf diesem Server werden gerade {count} Videos erstellt (Limit {limit}). Versuche es wieder, wenn eines fertig ist.",
	},
	"refusal.cooldown":
		"Nicht so schnell: Du kannst {resets} ein weiteres Video starten (Wartezeit {seconds} s).",
	"refusal.video_other_server":
		"Dieses Video gehört zu einem anderen Server und kann hier nicht verlängert werden.",
	"refusal.video_deleted": "Dieses Video wurde gelöscht und kann nicht verlängert werden. Wähle ein anderes.",
	"refusal.video_failed":
		"Dieses Video ist fehlgeschlagen, es gibt also nichts zu verlängern. Wähle ein fertiges Video.",
	"refusal.video_in_progress":
		"Dieses Video wird noch erstellt. Warte, bis es fertig ist, und verlängere es dann.",
	"refusal.extension_repeated":
		"Du hast genau diese Verlängerung gerade eben angefordert, und sie wird schon erstellt: Achte im Kanal darauf. Für eine weitere ändere die Beschreibung.",
	"refusal.video_unknown": "Dieses Video ist dem Bot nicht mehr bekannt und kann nicht verlängert werden.",
	"refusal.link_other_server":
		"Dieser Link führt zu einer Nachricht auf einem anderen Server. Verlinke ein Video von diesem Server.",
	"refusal.link_no_video":
		"Diese Nachricht enthält kein Video dieses Bots. Verlinke eine Nachricht mit einem fertigen Video.",
	"refusal.bad_url": "Dieser Link ist keine gültige URL. Füge die vollständige Adresse des Videos ein.",
	"refusal.unknown_video_id":
		"Hier ist kein Video mit der ID `{id}` bekannt. Wähle eines aus der Liste oder füge die Video-ID aus einem Ergebnis ein.",
	"refusal.extend_missing_permissions":
		"Ich kann in diesem Kanal nicht posten (es fehlt: {permissions}), und eine Verlängerung beginnt hier mit einer eigenen Nachricht. Bitte einen Admin, mir diese Berechtigungen hier zu geben, oder verlängere in einem anderen Kanal.",
	"refusal.extend_needs_channel": "Verlängerungen können nur in einem Serverkanal gestartet werden.",
	"refusal.cannot_post":
		"Ich kann in diesem Kanal nicht posten. Ich brauche hier die Berechtigungen „Kanal ansehen“, „Nachrichten senden“ und „Links einbetten“.",
	"refusal.not_bot_message":
		"Diese Nachricht stammt nicht von diesem Bot. Verwende „Video verlängern“ auf einem fertigen Video, das der Bot gepostet hat.",
	"refusal.no_video_in_message":
		"Diese Nachricht enthält kein Video dieses Bots. Verwende „Video verlängern“ auf einem fertigen Video.",
	"refusal.command_gone":
		"Dieser Befehl ist nicht mehr verfügbar. Discord aktualisiert die Befehlsliste möglicherweise noch.",
	"refusal.control_gone": "Diese Schaltfläche wird nicht mehr verwendet.",
	"refusal.form_gone":
		"Dieses Formular ist veraltet. Schließe es und drücke beim Video erneut auf Verlängern.",
	"refusal.subcommand_unavailable":
		"Dieser Teil von /luma ist mit dem aktuellen Videoanbieter des Bots nicht verfügbar. Discord aktualisiert die Befehlsliste möglicherweise noch.",
	"refusal.bad_time_zone":
		"„{zone}“ ist keine Zeitzone. Verwende einen Namen wie Europe/Berlin oder America/New_York, oder UTC.",
	"refusal.blocklist_pattern_too_long":
		"Dieser Eintrag kann nicht verwendet werden: Ein Muster darf höchstens {max} Zeichen lang sein.",
	"refusal.blocklist_bad_flag":
		"Dieser Eintrag kann nicht verwendet werden: Das Flag „{flag}“ ist nicht erlaubt; verwende i, m, s oder u.",
	"refusal.blocklist_unsupported":
		"Dieser Eintrag kann nicht verwendet werden: Muster laufen auf einer Engine mit linearer Laufzeit, die weder Rückverweise noch Lookarounds kennt ({error}).",
	"refusal.blocklist_does_not_compile":
		"Dieser Eintrag kann nicht verwendet werden: Das Muster lässt sich nicht kompilieren ({error}).",
	"refusal.blocklist_matches_everything":
		"Dieser Eintrag kann nicht verwendet werden: Das Muster passt auf jede Beschreibung.",
	"refusal.blocklist_empty": "Dieser Eintrag kann nicht verwendet werden: Er ist leer.",
	"refusal.blocklist_word_too_long":
		"Dieser Eintrag kann nicht verwendet werden: Ein Wort oder eine Wortgruppe darf höchstens {max} Zeichen lang sein.",
	"error.generic":
		"Bei uns ist etwas schiefgegangen. Der Fehler wurde protokolliert; bitte versuche es gleich noch einmal.",
	"error.shutting_down": "Der Bot startet gerade neu. Bitte versuche es in einer Minute noch einmal.",

	"provider.unknown": "Der Videoanbieter",
	"feature.aspect_ratio": "eine Wahl des Seitenverhältnisses",
	"feature.loop": "Videos in Schleife",
	"feature.enhance": "die Verbesserung der Beschreibung",
	"feature.start_frame": "ein Startbild",
	"feature.end_frame": "ein Endbild",
	"feature.model": "dieses Modell",
	"feature.duration": "diese Cliplänge",
	"feature.resolution": "diese Auflösung",
	"frame.start": "Das Startbild",
	"frame.end": "Das Endbild",

	"job.title_generate": "Dein Video wird erstellt",
	"job.title_extend": "Ein Video wird verlängert",
	"job.title_ready": "Video fertig",
	"job.title_extended": "Video verlängert",
	"job.title_failed": "Video fehlgeschlagen",
	"job.state": "Status",
	"job.state_queued": "⏳ In der Warteschlange",
	"job.state_running": "🎬 Wird erstellt",
	"job.started": "Gestartet",
	"job.options": "Optionen",
	"job.options_default": "Standardoptionen",
	"job.option_backward": "führt in den Clip hinein",
	"job.option_loop": "Schleife",
	"job.option_enhance_on": "Beschreibung verbessern an",
	"job.option_enhance_off": "Beschreibung verbessern aus",
	"job.requested_by": "Angefordert von",
	"job.credits": "Mitwirkende",
	"job.credits_own": "Verlängert von {user} aus dem eigenen Clip",
	"job.credits_other": "Verlängert von {user} aus dem Clip von {parent}",
	"job.credits_elsewhere": "Verlängert von {user} aus [einem anderswo erstellten Video]({url})",
	"job.chain": "Kette",
	"job.chain_part": "Teil {part} dieser Kette",
	"job.chain_part_link": "Teil {part} [dieser Kette]({url})",
	"job.start_frame": "Startbild",
	"job.end_frame": "Endbild",
	"job.resolution": "Auflösung",
	"job.made_in": "Erstellt in",
	"job.made_with": "Erstellt mit",
	"job.made_with_failover": "{made} ({from} war nicht verfügbar)",
	"job.video_id": "Video-ID",
	"job.video": "Video",
	"job.too_large":
		"Zu groß zum Hochladen in diesem Kanal. Verwende **Link abrufen** für einen neuen Download-Link.",
	"job.delivered_by_dm": "Dein Video aus <#{channel}>: Ich konnte es dort nicht posten.",
	"job.delivered_to_log":
		"Dieses Video für <@{user}> konnte weder in <#{channel}> gepostet noch direkt zugestellt werden.",
	"job.channel_note":
		"Hinweis: Ich kann in diesem Kanal nicht selbst posten (es fehlt: {permissions}). Dein Video erscheint hier, wenn es innerhalb von 15 Minuten fertig ist; danach schicke ich es dir per Direktnachricht.",
	"job.prompt": "Beschreibung",
	"job.footer": "Auftrag {id}",
	"job.footer_options": "Auftrag {id} · {options}",
	"job.button_extend": "Verlängern",
	"job.button_link": "Link abrufen",
	"job.button_open": "Video öffnen",
	"job.button_delete": "Löschen",
	"job.just_now": "gerade eben",

	"extend.modal_title": "Dieses Video verlängern",
	"extend.modal_label": "Was passiert als Nächstes?",
	"extend.modal_hint": "Leer lassen, um die Beschreibung des Clips wiederzuverwenden.",
	"extend.follow": "Der Clip wird verlängert: Hier kannst du ihn verfolgen {url}",
	"reply.deleted": "Das Video wurde gelöscht. Es kann nicht mehr verlängert werden.",
	"reply.already_deleted": "Dieses Video ist bereits gelöscht.",
	"reply.fresh_link": "Hier ist ein neuer Link zum Video (er gilt etwa eine Stunde): {url}",

	"quota.exempt": "Deine Rolle ist ausgenommen: Für dich gelten keine Limits.",
	"quota.you_today": "**Du heute:** {left}",
	"quota.server_today": "**Server heute:** {left}",
	"quota.server_month": "**Server diesen Monat:** {left}",
	"quota.left": "**{remaining}** von {limit} übrig",
	"quota.unlimited": "kein Limit ({used} genutzt)",
	"quota.in_progress": "**In Arbeit:** deine {user}, Server {guild}",
	"quota.cooldown": "**Wartezeit:** noch {seconds} s",
	"quota.resets": "Tageslimits werden {day} zurückgesetzt, Monatslimits {month} ({zone}).",

	"limit.guildDaily": "Videos pro Tag (Server)",
	"limit.guildMonthly": "Videos pro Monat (Server)",
	"limit.guildMaxConcurrent": "Videos gleichzeitig in Arbeit (Server)",
	"limit.userDaily": "Videos pro Tag (pro Mitglied)",
	"limit.userMaxConcurrent": "Videos gleichzeitig in Arbeit (pro Mitglied)",
	"limit.userCooldownSeconds": "Sekunden zwischen Anfragen (pro Mitglied)",
	"admin.no_limit": "kein Limit",
	"admin.limits_heading": "**Limits**",
	"admin.limit_line": "- {name}: **{value}**",
	"admin.limit_line_default": "- {name}: **{value}** (Standard)",
	"admin.time_zone_line": "- Tage und Monate wechseln um Mitternacht in **{zone}**",
	"admin.limit_change": "{name}: {value}",
	"admin.time_zone_change": "Zeitzone: {zone}",
	"admin.limits_updated": "Limits aktualisiert: {changes}.",
	"admin.channels_line": "**Kanäle:** {channels}",
	"admin.every_channel": "alle Kanäle",
	"admin.required_roles_line": "**Erforderliche Rollen:** {roles}",
	"admin.no_required_roles": "keine (alle dürfen Videos erstellen)",
	"admin.exempt_roles_line": "**Ausgenommene Rollen:** {roles}",
	"admin.banned_line": "**Gesperrte Mitglieder:** {users}",
	"admin.blocklist_line": "**Sperrliste:** {entries}",
	"admin.blocklist_empty": "leer",
	"admin.audit_line": "**Audit-Log:** {channel}",
	"admin.audit_off": "aus",
	"admin.language_line": "**Sprache:** {language}",
	"admin.language_auto": "die Discord-Sprache des Servers (derzeit {language})",
	"admin.none": "keine",
	"admin.usage_today": {
		one: "**Heute:** {count} Video (Zurücksetzung {resets})",
		other: "**Heute:** {count} Videos (Zurücksetzung {resets})",
	},
	"admin.usage_month": {
		one: "**Diesen Monat:** {count} Video (Zurücksetzung {resets})",
		other: "**Diesen Monat:** {count} Videos (Zurücksetzung {resets})",
	},
	"admin.usage_in_progress": "**In Arbeit:** {count}",
	"admin.usage_top": "**Aktivste Mitglieder heute:**",
	"admin.usage_nobody": "noch niemand",
	"admin.already_listed": "{label} steht bereits auf der Liste; nichts geändert.",
	"admin.not_listed": "{label} steht nicht auf der Liste; nichts geändert.",
	"admin.allowedChannels_added": "Videos können jetzt in {label} erstellt werden.",
	"admin.allowedChannels_removed": "Videos können nicht mehr in {label} erstellt werden.",
	"admin.requiredRoles_added": "Mitglieder brauchen jetzt eine erforderliche Rolle; hinzugefügt: {label}.",
	"admin.requiredRoles_removed": "Keine erforderliche Rolle mehr: {label}.",
	"admin.exemptRoles_added": "Für {label} gelten jetzt keine Limits.",
	"admin.exemptRoles_removed": "Für {label} gelten wieder Limits.",
	"admin.bannedUsers_added": "Vom Erstellen von Videos ausgeschlossen: {label}.",
	"admin.bannedUsers_removed": "Darf wieder Videos erstellen: {label}.",
	"admin.blocklist_added": "Beschreibungen dürfen {label} nicht mehr enthalten.",
	"admin.blocklist_removed": "Beschreibungen dürfen {label} wieder enthalten.",
	"admin.channels_cleared": "Videos können wieder in allen Kanälen erstellt werden.",
	"admin.role_not_listed": "{role} ist weder erforderlich noch ausgenommen; nichts geändert.",
	"admin.role_removed": "{role} ist nicht mehr erforderlich oder ausgenommen.",
	"admin.log_channel_set": "Das Audit-Log geht jetzt an {channel}.",
	"admin.log_channel_off": "Das Audit-Log ist aus.",
	"admin.reset_user": "Die heutige Nutzung von {user} wurde zurückgesetzt.",
	"admin.reset_server": "Die heutige Nutzung des ganzen Servers wurde zurückgesetzt.",
	"admin.language_set": "Öffentliche Nachrichten sind jetzt auf {language}.",
	"admin.language_cleared": "Öffentliche Nachrichten folgen jetzt der Discord-Sprache des Servers.",
	"admin.channels_list": "Videos können erstellt werden in: {channels}",
	"admin.channels_everywhere": "Videos können in allen Kanälen erstellt werden.",
	"admin.roles_list": "Erforderliche Rollen: {required}\nAusgenommene Rollen: {exempt}",
	"admin.blocklist_list": "Gesperrt: {entries}",
	"admin.blocklist_list_empty": "Die Sperrliste ist leer.",

	"audit.extension_requested": "Verlängerung angefordert",
	"audit.video_requested": "Video angefordert",
	"audit.video_deleted": "Video gelöscht",
	"audit.video_made": "Video erstellt",
	"audit.video_failed": "Video fehlgeschlagen",
	"audit.prompt_blocked": "Beschreibung blockiert",
	"audit.banned_refused": "Gesperrtes Mitglied abgewiesen",
	"audit.provider_refused": "Videoanbieter hat das Konto des Bots abgelehnt",
	"audit.settings_changed": "Einstellungen geändert",
	"audit.by": "Von",
	"audit.channel": "Kanal",
	"audit.message": "Nachricht",
	"audit.reason": "Grund",
	"audit.deleted_by": "Gelöscht von",
	"audit.matched": "Treffer",
	"audit.provider": "Anbieter",

	"cmd.luma.description": "Kurze KI-Videos mit Luma erstellen",
	"cmd.generate.name": "erstellen",
	"cmd.generate.description": "Ein Video aus einer Beschreibung erstellen",
	"cmd.generate.description_frames":
		"Ein Video aus einer Beschreibung erstellen, optional zwischen einem Start- und einem Endbild",
	"cmd.prompt.name": "beschreibung",
	"cmd.generate.prompt": "Was im Video passieren soll",
	"cmd.start_frame.name": "startbild",
	"cmd.start_frame.description": "Bild für das erste Einzelbild (PNG, JPEG oder WebP)",
	"cmd.end_frame.name": "endbild",
	"cmd.end_frame.description": "Bild für das letzte Einzelbild (PNG, JPEG oder WebP)",
	"cmd.aspect_ratio.name": "seitenverhältnis",
	"cmd.aspect_ratio.description": "Format des Videos (Standard {default})",
	"cmd.loop.name": "schleife",
	"cmd.loop.description": "Das Video nahtlos in Schleife laufen lassen",
	"cmd.enhance.name": "verbessern",
	"cmd.enhance.description": "Den Anbieter deine Beschreibung verbessern lassen",
	"cmd.model.name": "modell",
	"cmd.model.description": "Videomodell (Standard {default})",
	"cmd.duration.name": "dauer",
	"cmd.duration.description": "Länge des Clips (Standard {default})",
	"cmd.resolution.name": "auflösung",
	"cmd.resolution.description": "Auflösung des Clips (Standard {default})",
	"cmd.extend.name": "verlängern",
	"cmd.extend.description":
		"Ein Video mit einer neuen Beschreibung fortsetzen; alle dürfen jeden Clip verlängern",
	"cmd.video.name": "video",
	"cmd.video.description": "Ein neues Video, seine Video-ID oder ein Link zur Nachricht des Bots",
	"cmd.video.description_url":
		"Ein neues Video, seine Video-ID, ein Link zur Nachricht des Bots oder eine Video-URL",
	"cmd.extend.prompt": "Was als Nächstes passiert (Standard: die Beschreibung des Clips)",
	"cmd.direction.name": "richtung",
	"cmd.direction.description":
		"Nach dem Clip weitermachen (Standard) oder den Teil erstellen, der in ihn hineinführt",
	"cmd.direction.forward": "nach dem Clip",
	"cmd.direction.backward": "vor dem Clip",
	"cmd.quota.name": "kontingent",
	"cmd.quota.description":
		"Wie viele Videos dir und diesem Server bleiben und wann die Limits zurückgesetzt werden",
	"cmd.extend_video.name": "Video verlängern",

	"cmd.admin.description": "Festlegen, wer Videos erstellen darf, wo und wie viele",
	"cmd.limits.name": "limits",
	"cmd.limits.description": "Limits festlegen (0 = kein Limit); ohne Optionen werden sie angezeigt",
	"cmd.server_daily.name": "server_pro_tag",
	"cmd.server_monthly.name": "server_pro_monat",
	"cmd.server_concurrent.name": "server_gleichzeitig",
	"cmd.member_daily.name": "mitglied_pro_tag",
	"cmd.member_concurrent.name": "mitglied_gleichzeitig",
	"cmd.member_cooldown_seconds.name": "mitglied_wartezeit_sekunden",
	"cmd.time_zone.name": "zeitzone",
	"cmd.time_zone.description": "Wann Tage und Monate wechseln, z. B. Europe/Berlin (UTC zum Zurücksetzen)",
	"cmd.channels.name": "kanäle",
	"cmd.channels.description": "Wo Videos erstellt werden dürfen (keine aufgeführt: überall)",
	"cmd.allow.name": "erlauben",
	"cmd.allow.description": "Videos in einem Kanal erlauben",
	"cmd.disallow.name": "verbieten",
	"cmd.disallow.description": "Einen Kanal von der Liste der erlaubten Kanäle entfernen",
	"cmd.channels_clear.description": "Videos wieder in allen Kanälen erlauben",
	"cmd.channels_list.description": "Die erlaubten Kanäle anzeigen",
	"cmd.channel.name": "kanal",
	"cmd.channel.description": "Kanal",
	"cmd.roles.name": "rollen",
	"cmd.roles.description": "Welche Rollen Videos erstellen dürfen und welche keine Limits haben",
	"cmd.require.name": "voraussetzen",
	"cmd.require.description": "Nur Mitglieder mit einer erforderlichen Rolle dürfen Videos erstellen",
	"cmd.exempt.name": "ausnehmen",
	"cmd.exempt.description": "Mitglieder mit dieser Rolle haben keine Limits",
	"cmd.roles_remove.description": "Eine Rolle von beiden Listen entfernen",
	"cmd.roles_list.description": "Erforderliche und ausgenommene Rollen anzeigen",
	"cmd.role.name": "rolle",
	"cmd.role.description": "Rolle",
	"cmd.blocklist.name": "sperrliste",
	"cmd.blocklist.description": "Wörter und /regex/-Muster, die Beschreibungen nicht enthalten dürfen",
	"cmd.add.name": "hinzufügen",
	"cmd.blocklist_add.description": "Ein Wort, eine Wortgruppe oder ein /regex/ sperren",
	"cmd.blocklist_remove.description": "Einen Eintrag entsperren",
	"cmd.blocklist_list.description": "Die Sperrliste anzeigen",
	"cmd.entry.name": "eintrag",
	"cmd.entry.description": "Ein Wort, eine Wortgruppe oder /muster/",
	"cmd.entry.description_listed": "Der Eintrag, wie er aufgeführt ist",
	"cmd.ban.name": "sperren",
	"cmd.ban.description": "Ein Mitglied vom Erstellen von Videos ausschließen",
	"cmd.unban.name": "entsperren",
	"cmd.unban.description": "Ein Mitglied wieder Videos erstellen lassen",
	"cmd.user.name": "mitglied",
	"cmd.user.description": "Mitglied",
	"cmd.user.description_reset": "Mitglied (leer lassen für den ganzen Server)",
	"cmd.log_channel.name": "log-kanal",
	"cmd.log_channel.description": "Wo Anfragen, Ergebnisse und Änderungen protokolliert werden",
	"cmd.set.name": "festlegen",
	"cmd.log_channel_set.description": "In einen Kanal protokollieren",
	"cmd.log_channel_clear.description": "Protokollierung beenden",
	"cmd.usage.name": "nutzung",
	"cmd.usage.description": "Nutzung heute und diesen Monat, aktivste Mitglieder",
	"cmd.reset.name": "zurücksetzen",
	"cmd.reset.description": "Die heutige Nutzung eines Mitglieds oder des ganzen Servers zurücksetzen",
	"cmd.settings.name": "einstellungen",
	"cmd.settings.description": "Alle Einstellungen auf einen Blick und die Sprache des Servers",
	"cmd.show.name": "anzeigen",
	"cmd.show.description": "Alle Einstellungen auf einen Blick",
	"cmd.language.name": "sprache",
	"cmd.language.description": "Die Sprache öffentlicher Nachrichten: Ergebnisse, Fehler und das Audit-Log",
	"cmd.language.option": "Eine Sprache, oder der Discord-Sprache des Servers folgen",
	"cmd.language.auto": "Der Discord-Sprache des Servers folgen",
	"cmd.clear.name": "leeren",
	"cmd.list.name": "liste",
	"cmd.remove.name": "entfernen",
} as const satisfies Catalogue;
