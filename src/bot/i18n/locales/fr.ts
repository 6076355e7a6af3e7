import type { Catalogue } from "../catalogue.js";
import type { LanguageInfo } from "../languageInfo.js";

/** Français. */
/** The language's code, its own name, and the Discord locales that read it. */
export const language = {
	code: "fr",
	name: "Français",
	discordLocales: ["fr"],
} as const satisfies LanguageInfo;

export const messages = {
	"failure.bad_request":
		"Le fournisseur vidéo n'a pas accepté cette demande. Vérifie le prompt et les images, puis réessaie.",
	"failure.invalid_token":
		"La clé du bot chez le fournisseur a été refusée. Un admin du serveur doit vérifier la clé du fournisseur.",
	"failure.token_expired":
		"La clé du bot chez le fournisseur a expiré. Un admin du serveur doit la renouveler.",
	"failure.disabled":
		"Le compte du bot chez le fournisseur est désactivé. Un admin du serveur doit le vérifier.",
	"failure.no_credits":
		"Les crédits du fournisseur vidéo sont épuisés. Un admin du serveur doit recharger le compte.",
	"failure.moderated":
		"La modération du fournisseur a rejeté ce prompt ou cette image. Essaie de le reformuler.",
	"failure.not_found":
		"Le fournisseur vidéo n'a pas reconnu cette demande. Un admin du serveur doit vérifier les réglages du fournisseur.",
	"failure.too_many_requests": "Le fournisseur vidéo est occupé pour le moment. Réessaie dans une minute.",
	"failure.unavailable":
		"Le fournisseur vidéo ne peut pas prendre de nouvelles vidéos pour le moment. Réessaie dans quelques minutes.",
	"failure.api_error":
		"Le fournisseur vidéo a rencontré un problème en créant cette vidéo. Réessaie dans quelques minutes.",
	"failure.timeout":
		"Le fournisseur vidéo a mis trop de temps à répondre, le bot ne sait donc pas si cette vidéo a démarré. Elle n'a pas été renvoyée ; réessaie dans quelques minutes.",
	"failure.unreachable": "Le bot n'a pas pu joindre le fournisseur vidéo. Réessaie dans quelques minutes.",
	"failure.network": "La connexion au fournisseur vidéo a été coupée. Réessaie dans quelques minutes.",
	"failure.invalid_response":
		"Le fournisseur vidéo a envoyé une réponse que le bot n'a pas pu lire. Réessaie plus tard.",
	"failure.failed":
		"Le fournisseur vidéo n'a pas pu créer cette vidéo. Réessaie, peut-être avec un autre prompt.",
	"failure.no_output": "Le fournisseur vidéo a terminé sans renvoyer de vidéo. Réessaie.",
	"failure.unknown": "Le fournisseur vidéo a refusé la demande. Réessaie plus tard.",
	"failure.internal":
		"Un problème est survenu du côté du bot au lancement de cette vidéo. Il a été enregistré ; merci de réessayer.",
	"failure.timeout_waiting":
		"Le fournisseur n'a pas terminé cette vidéo en {minutes} minutes, le bot a donc cessé d'attendre. Réessaie ; si cela se reproduit, le fournisseur est peut-être surchargé.",
	"failure.interrupted_while_submitting":
		"Le bot a redémarré pendant l'envoi de cette demande, il ne sait donc pas si le fournisseur l'a reçue. Elle n'a pas été renvoyée, pour ne pas payer deux fois. Relance la commande si aucune vidéo n'arrive.",
	"failure.interrupted_before_start":
		"Le bot a redémarré avant le début de cette demande. Rien n'a été envoyé ni facturé ; relance la commande.",
	"failure.not_started": "Cette demande n'a pas démarré. Rien n'a été envoyé ni facturé.",
	"failure.provider_not_configured":
		"Cette vidéo était créée par {provider}, que ce bot n'utilise plus, elle ne peut donc pas être terminée. Ton unité t'a été rendue ; relance la commande.",
	"failure.none": "La vidéo n'a pas pu être créée.",
	"failure.nothing_charged": "{reason} Rien n'a été facturé.",

	"refusal.unsupported_option":
		"{provider}, le fournisseur vidéo de ce bot, ne prend pas en charge {feature}. Relance la commande sans cette option.",
	"refusal.unsupported_option_value":
		"{provider}, le fournisseur vidéo de ce bot, ne prend pas en charge {feature} ({value}). Relance la commande sans cette option.",
	"refusal.extend_unsupported":
		"{provider} ne sait pas prolonger les vidéos, ce clip ne peut donc pas être continué.",
	"refusal.extend_by_url_unsupported":
		"{provider} ne peut prolonger que les vidéos qu'il a créées lui-même. Choisis une des vidéos de ce serveur plutôt qu'un lien.",
	"refusal.extend_end_frame_unsupported":
		"{provider} ne peut pas utiliser d'image de fin pour prolonger. Relance la commande sans elle.",
	"refusal.extend_backward_unsupported":
		"{provider} ne peut prolonger que vers l'avant. Relance la commande sans le sens.",
	"refusal.extend_option":
		"{provider} n'accepte qu'un prompt et une image de fin pour prolonger, pas {feature}. Relance la commande sans cette option.",
	"refusal.extend_start_frame":
		"Une prolongation commence là où son clip se termine, elle ne peut donc pas avoir aussi une image de début. Relance la commande sans elle.",
	"refusal.extend_target_missing":
		"Indique la vidéo à prolonger : choisis-en une dans la liste, ou colle un identifiant de vidéo ou un lien.",
	"refusal.extend_backward_end_frame":
		"Un clip qui mène à une vidéo se termine sur cette vidéo, il ne peut donc pas avoir aussi une image de fin. Retire l'un des deux.",
	"refusal.extend_provider_not_configured":
		"Ce clip a été créé avec {provider}, que ce bot n'utilise plus, il ne peut donc pas être prolongé. Crée plutôt une nouvelle vidéo.",
	"refusal.provider_account":
		"{provider} a refusé le compte du bot, aucune vidéo ne peut donc être créée pour le moment. Un admin du serveur doit vérifier la clé du fournisseur ; réessaie plus tard.",
	"refusal.provider_account_credits":
		"Les crédits de ce bot chez {provider} sont épuisés, aucune vidéo ne peut donc être créée pour le moment. Un admin du serveur a été prévenu ; réessaie plus tard.",
	"refusal.prompt_language":
		"{provider} n'accepte que des prompts en anglais. Réécris le prompt en anglais et réessaie.",
	"refusal.model_unknown": "Le modèle {model} n'est pas disponible ici. Choisis-en un dans la liste.",
	"refusal.duration_text_only":
		"Les clips de {duration} ne peuvent être créés qu'à partir d'un prompt seul. Retire les images ou choisis un clip plus court.",
	"refusal.loop_duration":
		"Les clips de {duration} ne peuvent pas tourner en boucle. Désactive la boucle ou choisis un clip plus court.",
	"refusal.delete_gone": "Cette vidéo n'existe déjà plus.",
	"refusal.delete_not_allowed":
		"Seule la personne qui a demandé cette vidéo, ou un membre avec la permission Gérer les messages, peut la supprimer.",
	"refusal.link_provider_not_configured":
		"Cette vidéo a été créée avec {provider}, que ce bot n'utilise plus, aucun nouveau lien ne peut donc être obtenu.",
	"refusal.link_unavailable":
		"Aucun nouveau lien n'est plus disponible pour cette vidéo. Le fichier envoyé ci-dessus se lit toujours.",
	"refusal.generic": "Cette demande n'est pas possible avec le fournisseur vidéo du bot.",
	"refusal.prompt_empty":
		"Ton prompt est vide. Décris la vidéo que tu veux, par exemple : *un bateau en papier qui dérive dans une rue pluvieuse*.",
	"refusal.prompt_too_long":
		"Ton prompt fait {length} caractères ; la limite est de {max}. Raccourcis-le et réessaie.",
	"refusal.extend_prompt_missing":
		"Écris un prompt pour la suite : cette vidéo n'a pas de prompt précédent à réutiliser.",
	"refusal.frame_too_large":
		"{frame} fait {size} ; une image peut faire au plus {max}. Joins une image plus petite.",
	"refusal.frame_unreadable": "{frame} n'a pas pu être lue depuis Discord. Joins-la de nouveau et réessaie.",
	"refusal.frame_not_image":
		"{frame} ({filename}) n'est pas une image PNG, JPEG ou WebP. Joins une image dans l'un de ces formats.",
	"refusal.server_only": "Les vidéos ne peuvent être créées que sur un serveur.",
	"refusal.quota_server_only":
		"Les limites s'appliquent par serveur ; utilise cette commande sur un serveur.",
	"refusal.admin_server_only": "Cette commande ne fonctionne que sur un serveur.",
	"refusal.blocked_prompt":
		"Ton prompt contient « {word} », ce que ce serveur n'autorise pas. Reformule-le et réessaie.",
	"refusal.banned":
		"Tu es banni de la création de vidéos sur ce serveur. Demande à un admin du serveur si tu penses que c'est une erreur.",
	"refusal.channel": {
		"=0": "Les vidéos ne peuvent pas être créées dans ce salon. Utilise l'un de ceux-ci : {channels}.",
		other:
			"Les vidéos ne peuvent pas être créées dans ce salon. Utilise l'un de ceux-ci : {channels} et {count} autres.",
	},
	"refusal.role": {
		"=0": "Il te faut l'un de ces rôles pour créer des vidéos : {roles}. Demande à un admin du serveur comment en obtenir un.",
		other:
			"Il te faut l'un de ces rôles pour créer des vidéos : {roles} et {count} autres. Demande à un admin du serveur comment en obtenir un.",
	},
	"refusal.guild_monthly": {
		one: "Ce serveur a utilisé {used} vidéo sur {count} ce mois-ci ; la limite se réinitialise {resets}. Demande à un admin du serveur si tu en as besoin de plus.",
		other:
			"Ce serveur a utilisé {used} vidéos sur {count} ce mois-ci ; la limite se réinitialise {resets}. Demande à un admin du serveur si tu en as besoin de plus.",
	},
	"refusal.guild_daily": {
		one: "Ce serveur a utilisé {used} vidéo sur {count} aujourd'hui ; la limite se réinitialise {resets}. Réessaie après.",
		other:
			"Ce serveur a utilisé {used} vidéos sur {count} aujourd'hui ; la limite se réinitialise {resets}. Réessaie après.",
	},
	"refusal.user_daily": {
		one: "Tu as utilisé {used} vidéo sur {count} aujourd'hui ; ta limite se réinitialise {resets}. Demande à un admin du serveur si tu en as besoin de plus.",
		other:
			"Tu as utilisé {used} vidéos sur {count} aujourd'hui ; ta limite se réinitialise {resets}. Demande à un admin du serveur si tu en as besoin de plus.",
	},
	"refusal.user_concurrent": {
		one: "Tu as déjà {count} vidéo en cours (limite {limit}). Attends qu'elle soit terminée.",
		other: "Tu as déjà {count} vidéos en cours (limite {limit}). Attends que l'une d'elles soit terminée.",
	},
	"refusal.guild_concurrent": {
		one: "Ce serveur a {count} vidéo en cours (limite {limit}). Réessaie quand elle sera terminée.",
		other:
			"Ce serveur a {count} vidéos en cours (limite {limit}). Réessaie quand l'une d'elles sera terminée.",
	},
	"refusal.cooldown":
		"Doucement : tu pourras lancer une autre vidéo {resets} (délai de {seconds} s entre deux demandes).",
	"refusal.video_other_server":
		"Cette vidéo appartient à un autre serveur, elle ne peut donc pas être prolongée ici.",
	"refusal.video_deleted":
		"Cette vidéo a été supprimée, elle ne peut donc pas être prolongée. Choisis-en une autre.",
	"refusal.video_failed": "Cette vidéo a échoué, il n'y a donc rien à prolonger. Choisis une vidéo terminée.",
	"refusal.video_in_progress":
		"Cette vidéo est encore en cours de création. Attends qu'elle soit terminée, puis prolonge-la.",
	"refusal.extension_repeated":
		"Tu viens de demander exactement ce prolongement, et il est en cours : surveille le salon. Pour en faire un autre, change le prompt.",
	"refusal.video_unknown": "Le bot ne connaît plus cette vidéo, elle ne peut donc pas être prolongée.",
	"refusal.link_other_server":
		"Ce lien mène à un message d'un autre serveur. Donne le lien d'une vidéo de ce serveur.",
	"refusal.link_no_video":
		"Ce message ne contient pas de vidéo de ce bot. Donne le lien d'un message qui montre une vidéo terminée.",
	"refusal.bad_url": "Ce lien n'est pas une URL valide. Colle l'adresse complète de la vidéo.",
	"refusal.unknown_video_id":
		"Aucune vidéo avec l'identifiant `{id}` n'est connue ici. Choisis-en une dans la liste, ou colle l'identifiant de vidéo affiché sur un résultat.",
	"refusal.extend_missing_permissions":
		"Je ne peux pas publier dans ce salon (manque : {permissions}), et une prolongation commence ici par un message à elle. Demande à un admin de me donner ces permissions ici, ou prolonge dans un autre salon.",
	"refusal.extend_needs_channel": "Les prolongations ne peuvent être lancées que dans un salon de serveur.",
	"refusal.cannot_post":
		"Je ne peux pas publier dans ce salon. J'ai besoin ici des permissions Voir le salon, Envoyer des messages et Intégrer des liens.",
	"refusal.not_bot_message":
		"Ce message ne vient pas de ce bot. Utilise Prolonger la vidéo sur une vidéo terminée publiée par le bot.",
	"refusal.no_video_in_message":
		"Ce message ne contient pas de vidéo de ce bot. Utilise Prolonger la vidéo sur une vidéo terminée.",
	"refusal.command_gone":
		"Cette commande n'est plus disponible. Discord est peut-être encore en train de mettre à jour la liste des commandes.",
	"refusal.control_gone": "Ce bouton n'est plus utilisé.",
	"refusal.form_gone":
		"Ce formulaire n'est plus à jour. Ferme-le et appuie de nouveau sur Prolonger sous la vidéo.",
	"refusal.subcommand_unavailable":
		"Cette partie de /luma n'est pas disponible avec le fournisseur vidéo actuel du bot. Discord est peut-être encore en train de mettre à jour la liste des commandes.",
	"refusal.bad_time_zone":
		"« {zone} » n'est pas un fuseau horaire. Utilise un nom comme Europe/Paris ou America/New_York, ou UTC.",
	"refusal.blocklist_pattern_too_long":
		"Cette entrée ne peut pas être utilisée : un motif peut faire au plus {max} caractères.",
	"refusal.blocklist_bad_flag":
		"Cette entrée ne peut pas être utilisée : le drapeau « {flag} » n'est pas autorisé ; utilise i, m, s ou u.",
	"refusal.blocklist_unsupported":
		"Cette entrée ne peut pas être utilisée : les motifs s'exécutent sur un moteur en temps linéaire, sans références arrière ni assertions avant ou arrière ({error}).",
	"refusal.blocklist_does_not_compile":
		"Cette entrée ne peut pas être utilisée : le motif ne se compile pas ({error}).",
	"refusal.blocklist_matches_everything":
		"Cette entrée ne peut pas être utilisée : le motif correspond à tous les prompts.",
	"refusal.blocklist_empty": "Cette entrée ne peut pas être utilisée : elle est vide.",
	"refusal.blocklist_word_too_long":
		"Cette entrée ne peut pas être utilisée : un mot ou une expression peut faire au plus {max} caractères.",
	"error.generic":
		"Un problème est survenu de notre côté. Il a été enregistré ; merci de réessayer dans un instant.",
	"error.shutting_down": "Le bot redémarre. Merci de réessayer dans une minute.",

	"provider.unknown": "Le fournisseur vidéo",
	"feature.aspect_ratio": "le choix du format d'image",
	"feature.loop": "les vidéos en boucle",
	"feature.enhance": "l'amélioration du prompt",
	"feature.start_frame": "une image de début",
	"feature.end_frame": "une image de fin",
	"feature.model": "ce modèle",
	"feature.duration": "cette durée de clip",
	"feature.resolution": "cette résolution",
	"frame.start": "L'image de début",
	"frame.end": "L'image de fin",

	"job.title_generate": "Création de ta vidéo",
	"job.title_extend": "Prolongation d'une vidéo",
	"job.title_ready": "Vidéo prête",
	"job.title_extended": "Vidéo prolongée",
	"job.title_failed": "Échec de la vidéo",
	"job.state": "État",
	"job.state_queued": "⏳ En file d'attente",
	"job.state_running": "🎬 En cours de création",
	"job.started": "Démarrée",
	"job.options": "Options",
	"job.options_default": "options par défaut",
	"job.option_backward": "mène au clip",
	"job.option_loop": "boucle",
	"job.option_enhance_on": "amélioration du prompt activée",
	"job.option_enhance_off": "amélioration du prompt désactivée",
	"job.requested_by": "Demandée par",
	"job.credits": "Crédits",
	"job.credits_own": "Prolongée par {user} à partir de son propre clip",
	"job.credits_other": "Prolongée par {user} à partir du clip de {parent}",
	"job.credits_elsewhere": "Prolongée par {user} à partir d'[une vidéo créée ailleurs]({url})",
	"job.chain": "Chaîne",
	"job.chain_part": "Partie {part} de cette chaîne",
	"job.chain_part_link": "Partie {part} de [cette chaîne]({url})",
	"job.start_frame": "Image de début",
	"job.end_frame": "Image de fin",
	"job.resolution": "Résolution",
	"job.made_in": "Créée en",
	"job.made_with": "Créée avec",
	"job.made_with_failover": "{made} ({from} était indisponible)",
	"job.video_id": "ID de la vidéo",
	"job.video": "Vidéo",
	"job.too_large":
		"Trop lourde pour être envoyée dans ce salon. Utilise **Obtenir le lien** pour un nouveau lien de téléchargement.",
	"job.delivered_by_dm": "Ta vidéo de <#{channel}> : je n'ai pas pu la publier là-bas.",
	"job.delivered_to_log":
		"Cette vidéo pour <@{user}> n'a pu être ni publiée dans <#{channel}> ni envoyée en message privé.",
	"job.channel_note":
		"À savoir : je ne peux pas publier moi-même dans ce salon (manque : {permissions}). Ta vidéo s'affiche ici si elle est prête en moins de 15 minutes ; sinon je te l'envoie en message privé.",
	"job.prompt": "Prompt",
	"job.footer": "Tâche {id}",
	"job.footer_options": "Tâche {id} · {options}",
	"job.button_extend": "Prolonger",
	"job.button_link": "Obtenir le lien",
	"job.button_open": "Ouvrir la vidéo",
	"job.button_delete": "Supprimer",
	"job.just_now": "à l'instant",

	"extend.modal_title": "Prolonger cette vidéo",
	"extend.modal_label": "Que se passe-t-il ensuite ?",
	"extend.modal_hint": "Laisse vide pour réutiliser le prompt du clip.",
	"extend.follow": "Prolongation du clip : suis-la ici {url}",
	"reply.deleted": "Vidéo supprimée. Elle ne peut plus être prolongée.",
	"reply.already_deleted": "Cette vidéo est déjà supprimée.",
	"reply.fresh_link": "Voici un nouveau lien vers la vidéo (valable environ une heure) : {url}",

	"quota.exempt": "Ton rôle est exempté : aucune limite ne s'applique à toi.",
	"quota.you_today": "**Toi aujourd'hui :** {left}",
	"quota.server_today": "**Serveur aujourd'hui :** {left}",
	"quota.server_month": "**Serveur ce mois-ci :** {left}",
	"quota.left": "**{remaining}** sur {limit} restantes",
	"quota.unlimited": "pas de limite ({used} utilisées)",
	"quota.in_progress": "**En cours :** les tiennes {user}, serveur {guild}",
	"quota.cooldown": "**Délai :** encore {seconds} s",
	"quota.resets": "Les limites quotidiennes se réinitialisent {day}, les mensuelles {month} ({zone}).",

	"limit.guildDaily": "vidéos par jour (serveur)",
	"limit.guildMonthly": "vidéos par mois (serveur)",
	"limit.guildMaxConcurrent": "vidéos en cours en même temps (serveur)",
	"limit.userDaily": "vidéos par jour (par membre)",
	"limit.userMaxConcurrent": "vidéos en cours en même temps (par membre)",
	"limit.userCooldownSeconds": "secondes entre deux demandes (par membre)",
	"admin.no_limit": "pas de limite",
	"admin.limits_heading": "**Limites**",
	"admin.limit_line": "- {name} : **{value}**",
	"admin.limit_line_default": "- {name} : **{value}** (par défaut)",
	"admin.time_zone_line": "- les jours et les mois changent à minuit, heure de **{zone}**",
	"admin.limit_change": "{name} : {value}",
	"admin.time_zone_change": "fuseau horaire : {zone}",
	"admin.limits_updated": "Limites mises à jour : {changes}.",
	"admin.channels_line": "**Salons :** {channels}",
	"admin.every_channel": "tous les salons",
	"admin.required_roles_line": "**Rôles requis :** {roles}",
	"admin.no_required_roles": "aucun (tout le monde peut créer des vidéos)",
	"admin.exempt_roles_line": "**Rôles exemptés :** {roles}",
	"admin.banned_line": "**Membres bannis :** {users}",
	"admin.blocklist_line": "**Mots interdits :** {entries}",
	"admin.blocklist_empty": "aucun",
	"admin.audit_line": "**Journal d'audit :** {channel}",
	"admin.audit_off": "désactivé",
	"admin.language_line": "**Langue :** {language}",
	"admin.language_auto": "la langue Discord du serveur (actuellement {language})",
	"admin.none": "aucun",
	"admin.usage_today": {
		one: "**Aujourd'hui :** {count} vidéo (réinitialisation {resets})",
		other: "**Aujourd'hui :** {count} vidéos (réinitialisation {resets})",
	},
	"admin.usage_month": {
		one: "**Ce mois-ci :** {count} vidéo (réinitialisation {resets})",
		other: "**Ce mois-ci :** {count} vidéos (réinitialisation {resets})",
	},
	"admin.usage_in_progress": "**En cours :** {count}",
	"admin.usage_top": "**Membres les plus actifs aujourd'hui :**",
	"admin.usage_nobody": "personne pour l'instant",
	"admin.already_listed": "{label} est déjà dans la liste ; rien n'a changé.",
	"admin.not_listed": "{label} n'est pas dans la liste ; rien n'a changé.",
	"admin.allowedChannels_added": "Les vidéos peuvent désormais être créées dans {label}.",
	"admin.allowedChannels_removed": "Les vidéos ne peuvent plus être créées dans {label}.",
	"admin.requiredRoles_added": "Les membres ont désormais besoin d'un rôle requis ; ajouté : {label}.",
	"admin.requiredRoles_removed": "N'est plus un rôle requis : {label}.",
	"admin.exemptRoles_added": "Aucune limite ne s'applique désormais à {label}.",
	"admin.exemptRoles_removed": "Les limites s'appliquent de nouveau à {label}.",
	"admin.bannedUsers_added": "Banni de la création de vidéos : {label}.",
	"admin.bannedUsers_removed": "Peut de nouveau créer des vidéos : {label}.",
	"admin.blocklist_added": "Les prompts ne peuvent plus contenir {label}.",
	"admin.blocklist_removed": "Les prompts peuvent de nouveau contenir {label}.",
	"admin.channels_cleared": "Les vidéos peuvent de nouveau être créées dans tous les salons.",
	"admin.role_not_listed": "{role} n'est ni requis ni exempté ; rien n'a changé.",
	"admin.role_removed": "{role} n'est plus requis ni exempté.",
	"admin.log_channel_set": "Le journal d'audit est désormais envoyé dans {channel}.",
	"admin.log_channel_off": "Le journal d'audit est désactivé.",
	"admin.reset_user": "Utilisation du jour réinitialisée pour {user}.",
	"admin.reset_server": "Utilisation du jour réinitialisée pour tout le serveur.",
	"admin.language_set": "Les messages publics sont désormais en {language}.",
	"admin.language_cleared": "Les messages publics suivent désormais la langue Discord du serveur.",
	"admin.channels_list": "Les vidéos peuvent être créées dans : {channels}",
	"admin.channels_everywhere": "Les vidéos peuvent être créées dans tous les salons.",
	"admin.roles_list": "Rôles requis : {required}\nRôles exemptés : {exempt}",
	"admin.blocklist_list": "Interdits : {entries}",
	"admin.blocklist_list_empty": "La liste des mots interdits est vide.",

	"audit.extension_requested": "Prolongation demandée",
	"audit.video_requested": "Vidéo demandée",
	"audit.video_deleted": "Vidéo supprimée",
	"audit.video_made": "Vidéo créée",
	"audit.video_failed": "Échec de la vidéo",
	"audit.prompt_blocked": "Prompt bloqué",
	"audit.banned_refused": "Membre banni refusé",
	"audit.provider_refused": "Le fournisseur vidéo a refusé le compte du bot",
	"audit.settings_changed": "Paramètres modifiés",
	"audit.by": "Par",
	"audit.channel": "Salon",
	"audit.message": "Message",
	"audit.reason": "Raison",
	"audit.deleted_by": "Supprimée par",
	"audit.matched": "Correspondance",
	"audit.provider": "Fournisseur",

	"cmd.luma.description": "Créer de courtes vidéos IA avec Luma",
	"cmd.generate.name": "générer",
	"cmd.generate.description": "Créer une vidéo à partir d'un prompt",
	"cmd.generate.description_frames":
		"Créer une vidéo à partir d'un prompt, éventuellement entre une image de début et une de fin",
	"cmd.prompt.name": "prompt",
	"cmd.generate.prompt": "Ce qui doit se passer dans la vidéo",
	"cmd.start_frame.name": "image_de_début",
	"cmd.start_frame.description": "Image pour la première image de la vidéo (PNG, JPEG ou WebP)",
	"cmd.end_frame.name": "image_de_fin",
	"cmd.end_frame.description": "Image pour la dernière image de la vidéo (PNG, JPEG ou WebP)",
	"cmd.aspect_ratio.name": "format",
	"cmd.aspect_ratio.description": "Format de la vidéo (par défaut {default})",
	"cmd.loop.name": "boucle",
	"cmd.loop.description": "Faire tourner la vidéo en boucle sans coupure",
	"cmd.enhance.name": "améliorer",
	"cmd.enhance.description": "Laisser le fournisseur améliorer ton prompt",
	"cmd.model.name": "modèle",
	"cmd.model.description": "Modèle vidéo (par défaut {default})",
	"cmd.duration.name": "durée",
	"cmd.duration.description": "Durée du clip (par défaut {default})",
	"cmd.resolution.name": "résolution",
	"cmd.resolution.description": "Résolution du clip (par défaut {default})",
	"cmd.extend.name": "prolonger",
	"cmd.extend.description":
		"Continuer une vidéo avec un nouveau prompt ; chacun peut prolonger le clip de chacun",
	"cmd.video.name": "vidéo",
	"cmd.video.description": "Une vidéo récente, son identifiant, ou un lien vers le message du bot",
	"cmd.video.description_url":
		"Une vidéo récente, son identifiant, un lien vers le message du bot, ou l'URL d'une vidéo",
	"cmd.extend.prompt": "Ce qui se passe ensuite (par défaut : le prompt du clip)",
	"cmd.direction.name": "sens",
	"cmd.direction.description": "Continuer après le clip (par défaut), ou créer la partie qui y mène",
	"cmd.direction.forward": "après le clip",
	"cmd.direction.backward": "avant le clip",
	"cmd.quota.name": "quota",
	"cmd.quota.description":
		"Combien de vidéos il te reste, à toi et à ce serveur, et quand les limites se réinitialisent",
	"cmd.extend_video.name": "Prolonger la vidéo",

	"cmd.admin.description": "Choisir qui peut créer des vidéos, où, et combien",
	"cmd.limits.name": "limites",
	"cmd.limits.description": "Définir les limites (0 = pas de limite) ; sans option, les afficher",
	"cmd.server_daily.name": "serveur_par_jour",
	"cmd.server_monthly.name": "serveur_par_mois",
	"cmd.server_concurrent.name": "serveur_simultanées",
	"cmd.member_daily.name": "membre_par_jour",
	"cmd.member_concurrent.name": "membre_simultanées",
	"cmd.member_cooldown_seconds.name": "membre_délai_secondes",
	"cmd.time_zone.name": "fuseau_horaire",
	"cmd.time_zone.description": "Quand changent les jours et les mois, p. ex. Europe/Paris (UTC pour revenir)",
	"cmd.channels.name": "salons",
	"cmd.channels.description": "Où les vidéos peuvent être créées (aucun salon listé : partout)",
	"cmd.allow.name": "autoriser",
	"cmd.allow.description": "Autoriser les vidéos dans un salon",
	"cmd.disallow.name": "interdire",
	"cmd.disallow.description": "Retirer un salon de la liste des salons autorisés",
	"cmd.channels_clear.description": "Autoriser de nouveau les vidéos dans tous les salons",
	"cmd.channels_list.description": "Afficher les salons autorisés",
	"cmd.channel.name": "salon",
	"cmd.channel.description": "Salon",
	"cmd.roles.name": "rôles",
	"cmd.roles.description": "Quels rôles peuvent créer des vidéos, et lesquels n'ont pas de limite",
	"cmd.require.name": "exiger",
	"cmd.require.description": "Seuls les membres ayant un rôle requis peuvent créer des vidéos",
	"cmd.exempt.name": "exempter",
	"cmd.exempt.description": "Les membres ayant ce rôle ne sont pas limités",
	"cmd.roles_remove.description": "Retirer un rôle des deux listes",
	"cmd.roles_list.description": "Afficher les rôles requis et exemptés",
	"cmd.role.name": "rôle",
	"cmd.role.description": "Rôle",
	"cmd.blocklist.name": "mots-interdits",
	"cmd.blocklist.description": "Mots et motifs /regex/ que les prompts ne peuvent pas contenir",
	"cmd.add.name": "ajouter",
	"cmd.blocklist_add.description": "Interdire un mot, une expression ou une /regex/",
	"cmd.blocklist_remove.description": "Retirer une entrée",
	"cmd.blocklist_list.description": "Afficher les mots interdits",
	"cmd.entry.name": "entrée",
	"cmd.entry.description": "Un mot, une expression, ou /motif/",
	"cmd.entry.description_listed": "L'entrée telle qu'elle est listée",
	"cmd.ban.name": "bannir",
	"cmd.ban.description": "Empêcher un membre de créer des vidéos",
	"cmd.unban.name": "débannir",
	"cmd.unban.description": "Permettre de nouveau à un membre de créer des vidéos",
	"cmd.user.name": "membre",
	"cmd.user.description": "Membre",
	"cmd.user.description_reset": "Membre (laisser vide pour tout le serveur)",
	"cmd.log_channel.name": "salon-journal",
	"cmd.log_channel.description": "Où les demandes, les résultats et les changements sont consignés",
	"cmd.set.name": "définir",
	"cmd.log_channel_set.description": "Consigner dans un salon",
	"cmd.log_channel_clear.description": "Arrêter de consigner",
	"cmd.usage.name": "utilisation",
	"cmd.usage.description": "Utilisation du jour et du mois, membres les plus actifs",
	"cmd.reset.name": "réinitialiser",
	"cmd.reset.description": "Réinitialiser l'utilisation du jour d'un membre, ou de tout le serveur",
	"cmd.settings.name": "paramètres",
	"cmd.settings.description": "Tous les paramètres d'un coup d'œil, et la langue du serveur",
	"cmd.show.name": "afficher",
	"cmd.show.description": "Tous les paramètres d'un coup d'œil",
	"cmd.language.name": "langue",
	"cmd.language.description": "La langue des messages publics : résultats, échecs et journal d'audit",
	"cmd.language.option": "Une langue, ou suivre la langue Discord du serveur",
	"cmd.language.auto": "Suivre la langue Discord du serveur",
	"cmd.clear.name": "vider",
	"cmd.list.name": "liste",
	"cmd.remove.name": "retirer",
} as const satisfies Catalogue;
