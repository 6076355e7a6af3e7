import type { Catalogue } from "../catalogue.js";
import type { LanguageInfo } from "../languageInfo.js";

/** Español (España); Discord's Latin-American Spanish reads it too. */
/** The language's code, its own name, and the Discord locales that read it. */
export const language = {
	code: "es-ES",
	name: "Español (España)",
	discordLocales: ["es-ES", "es-419"],
} as const satisfies LanguageInfo;

export const messages = {
	"failure.bad_request":
		"El proveedor de vídeo no ha aceptado esta solicitud. Revisa el prompt y las imágenes y vuelve a intentarlo.",
	"failure.invalid_token":
		"Se ha rechazado la clave del bot en el proveedor. Un administrador del servidor tiene que revisar la clave del proveedor.",
	"failure.token_expired":
		"La clave del bot en el proveedor ha caducado. Un administrador del servidor tiene que renovarla.",
	"failure.disabled":
		"La cuenta del bot en el proveedor está desactivada. Un administrador del servidor tiene que revisarla.",
	"failure.no_credits":
		"Se han agotado los créditos del proveedor de vídeo. Un administrador del servidor tiene que recargar la cuenta.",
	"failure.moderated":
		"La moderación del proveedor ha rechazado este prompt o esta imagen. Prueba a reformularlo.",
	"failure.not_found":
		"El proveedor de vídeo no ha reconocido esta solicitud. Un administrador del servidor tiene que revisar la configuración del proveedor.",
	"failure.too_many_requests":
		"El proveedor de vídeo está ocupado ahora mismo. Vuelve a intentarlo dentro de un minuto.",
	"failure.unavailable":
		"El proveedor de vídeo no puede aceptar vídeos nuevos ahora mismo. Vuelve a intentarlo dentro de unos minutos.",
	"failure.api_error":
		"El proveedor de vídeo ha tenido un problema al crear este vídeo. Vuelve a intentarlo dentro de unos minutos.",
	"failure.timeout":
		"El proveedor de vídeo ha tardado demasiado en responder, así que el bot no sabe si ha empezado este vídeo. No se ha vuelto a enviar; inténtalo de nuevo dentro de unos minutos.",
	"failure.unreachable":
		"El bot no ha podido conectar con el proveedor de vídeo. Vuelve a intentarlo dentro de unos minutos.",
	"failure.network":
		"Se ha cortado la conexión con el proveedor de vídeo. Vuelve a intentarlo dentro de unos minutos.",
	"failure.invalid_response":
		"El proveedor de vídeo ha enviado una respuesta que el bot no ha podido leer. Vuelve a intentarlo más tarde.",
	"failure.failed":
		"El proveedor de vídeo no ha podido crear este vídeo. Vuelve a intentarlo, quizá con otro prompt.",
	"failure.no_output": "El proveedor de vídeo ha terminado sin devolver ningún vídeo. Vuelve a intentarlo.",
	"failure.unknown": "El proveedor de vídeo ha rechazado la solicitud. Vuelve a intentarlo más tarde.",
	"failure.internal":
		"Algo ha fallado en el bot al iniciar este vídeo. Ha quedado registrado; vuelve a intentarlo, por favor.",
	"failure.timeout_waiting":
		"El proveedor no ha terminado este vídeo en {minutes} minutos, así que el bot ha dejado de esperar. Vuelve a intentarlo; si sigue pasando, puede que el proveedor esté saturado.",
	"failure.interrupted_while_submitting":
		"El bot se ha reiniciado mientras enviaba esta solicitud, así que no sabe si el proveedor la ha recibido. No se ha vuelto a enviar, para no pagar dos veces. Ejecuta el comando de nuevo si no llega ningún vídeo.",
	"failure.interrupted_before_start":
		"El bot se ha reiniciado antes de que empezara esta solicitud. No se ha enviado ni cobrado nada; ejecuta el comando de nuevo.",
	"failure.not_started": "Esta solicitud no ha empezado. No se ha enviado ni cobrado nada.",
	"failure.provider_not_configured":
		"Este vídeo lo estaba creando {provider}, que este bot ya no usa, así que no se puede terminar. Se te ha devuelto la unidad; ejecuta el comando de nuevo.",
	"failure.none": "No se ha podido crear el vídeo.",
	"failure.nothing_charged": "{reason} No se ha cobrado nada.",

	"refusal.unsupported_option":
		"{provider}, el proveedor de vídeo de este bot, no admite {feature}. Ejecuta el comando de nuevo sin esa opción.",
	"refusal.unsupported_option_value":
		"{provider}, el proveedor de vídeo de este bot, no admite {feature} ({value}). Ejecuta el comando de nuevo sin esa opción.",
	"refusal.extend_unsupported":
		"{provider} no puede extender vídeos, así que este clip no se puede continuar.",
	"refusal.extend_by_url_unsupported":
		"{provider} solo puede extender vídeos que haya creado él mismo. Elige uno de los vídeos de este servidor en lugar de un enlace.",
	"refusal.extend_end_frame_unsupported":
		"{provider} no puede usar un fotograma final al extender. Ejecuta el comando de nuevo sin él.",
	"refusal.extend_backward_unsupported":
		"{provider} solo puede extender hacia delante. Ejecuta el comando de nuevo sin la dirección.",
	"refusal.extend_option":
		"{provider} solo acepta un prompt y un fotograma final al extender, no {feature}. Ejecuta el comando de nuevo sin esa opción.",
	"refusal.extend_start_frame":
		"Una extensión empieza donde termina su clip, así que no puede tener también un fotograma inicial. Ejecuta el comando de nuevo sin él.",
	"refusal.extend_target_missing":
		"Indica qué vídeo quieres extender: elige uno de la lista o pega un ID de vídeo o un enlace.",
	"refusal.extend_backward_end_frame":
		"Un clip que lleva a un vídeo termina en ese vídeo, así que no puede tener también un fotograma final. Quita uno de los dos.",
	"refusal.extend_provider_not_configured":
		"Ese clip se creó con {provider}, que este bot ya no usa, así que no se puede extender. Crea un vídeo nuevo.",
	"refusal.provider_account":
		"{provider} ha rechazado la cuenta del bot, así que ahora mismo no se pueden crear vídeos. Un administrador del servidor tiene que revisar la clave del proveedor; vuelve a intentarlo más tarde.",
	"refusal.provider_account_credits":
		"Se han agotado los créditos de este bot en {provider}, así que ahora mismo no se pueden crear vídeos. Ya se ha avisado a un administrador del servidor; vuelve a intentarlo más tarde.",
	"refusal.prompt_language":
		"{provider} solo acepta prompts en inglés. Reescribe el prompt en inglés y vuelve a intentarlo.",
	"refusal.model_unknown": "El modelo {model} no está disponible aquí. Elige uno de la lista.",
	"refusal.duration_text_only":
		"Los clips de {duration} solo se pueden crear a partir de un prompt, sin más. Quita los fotogramas o elige un clip más corto.",
	"refusal.loop_duration":
		"Los clips de {duration} no pueden reproducirse en bucle. Desactiva el bucle o elige un clip más corto.",
	"refusal.delete_gone": "Ese vídeo ya no existe.",
	"refusal.delete_not_allowed":
		"Solo la persona que pidió este vídeo, o un miembro con el permiso Gestionar mensajes, puede eliminarlo.",
	"refusal.link_provider_not_configured":
		"Ese vídeo se creó con {provider}, que este bot ya no usa, así que no se puede obtener un enlace nuevo.",
	"refusal.link_unavailable":
		"Ya no hay un enlace nuevo disponible para este vídeo. El archivo subido arriba se sigue pudiendo reproducir.",
	"refusal.generic": "Esta solicitud no se puede hacer con el proveedor de vídeo del bot.",
	"refusal.prompt_empty":
		"Tu prompt está vacío. Describe el vídeo que quieres, por ejemplo: *un barco de papel flotando calle abajo bajo la lluvia*.",
	"refusal.prompt_too_long":
		"Tu prompt tiene {length} caracteres; el límite es {max}. Acórtalo y vuelve a intentarlo.",
	"refusal.extend_prompt_missing":
		"Escribe un prompt para la siguiente parte: ese vídeo no tiene un prompt anterior que reutilizar.",
	"refusal.frame_too_large":
		"{frame} ocupa {size}; los fotogramas pueden ocupar como máximo {max}. Adjunta una imagen más pequeña.",
	"refusal.frame_unreadable":
		"No se ha podido leer {frame} desde Discord. Adjúntalo de nuevo y vuelve a intentarlo.",
	"refusal.frame_not_image":
		"{frame} ({filename}) no es una imagen PNG, JPEG o WebP. Adjunta una imagen en uno de esos formatos.",
	"refusal.server_only": "Los vídeos solo se pueden crear en un servidor.",
	"refusal.quota_server_only": "Los límites son por servidor; usa este comando en un servidor.",
	"refusal.admin_server_only": "Este comando solo funciona en un servidor.",
	"refusal.blocked_prompt":
		"Tu prompt contiene «{word}», algo que este servidor no permite. Reformúlalo y vuelve a intentarlo.",
	"refusal.banned":
		"Tienes prohibido crear vídeos en este servidor. Pregunta a un administrador del servidor si crees que es un error.",
	"refusal.channel": {
		"=0": "No se pueden crear vídeos en este canal. Usa uno de estos: {channels}.",
		other: "No se pueden crear vídeos en este canal. Usa uno de estos: {channels} y {count} más.",
	},
	"refusal.role": {
		"=0": "Necesitas uno de estos roles para crear vídeos: {roles}. Pregunta a un administrador del servidor cómo conseguir uno.",
		other:
			"Necesitas uno de estos roles para crear vídeos: {roles} y {count} más. Pregunta a un administrador del servidor cómo conseguir uno.",
	},
	"refusal.guild_monthly": {
		one: "Este servidor ha usado {used} de {count} vídeo este mes; el límite se restablece {resets}. Pregunta a un administrador del servidor si necesitas más.",
		other:
			"Este servidor ha usado {used} de {count} vídeos este mes; el límite se restablece {resets}. Pregunta a un administrador del servidor si necesitas más.",
	},
	"refusal.guild_daily": {
		one: "Este servidor ha usado {used} de {count} vídeo hoy; el límite se restablece {resets}. Vuelve a intentarlo después.",
		other:
			"Este servidor ha usado {used} de {count} vídeos hoy; el límite se restablece {resets}. Vuelve a intentarlo después.",
	},
	"refusal.user_daily": {
		one: "Has usado {used} de {count} vídeo hoy; tu límite se restablece {resets}. Pregunta a un administrador del servidor si necesitas más.",
		other:
			"Has usado {used} de {count} vídeos hoy; tu límite se restablece {resets}. Pregunta a un administrador del servidor si necesitas más.",
	},
	"refusal.user_concurrent": {
		one: "Ya tienes {count} vídeo en curso (límite {limit}). Espera a que termine.",
		other: "Ya tienes {count} vídeos en curso (límite {limit}). Espera a que termine alguno.",
	},
	"refusal.guild_concurrent": {
		one: "Este servidor tiene {count} vídeo en curso (límite {limit}). Vuelve a intentarlo cuando termine.",
		other:
			"Este servidor tiene {count} vídeos en curso (límite {limit}). Vuelve a intentarlo cuando termine alguno.",
	},
	"refusal.cooldown":
		"Más despacio: podrás empezar otro vídeo {resets} (espera de {seconds} s entre solicitudes).",
	"refusal.video_other_server": "Ese vídeo pertenece a otro servidor, así que no se puede extender aquí.",
	"refusal.video_deleted": "Ese vídeo se ha eliminado, así que no se puede extender. Elige otro.",
	"refusal.video_failed": "Ese vídeo ha fallado, así que no hay nada que extender. Elige un vídeo terminado.",
	"refusal.video_in_progress": "Ese vídeo todavía se está creando. Espera a que termine y luego extiéndelo.",
	"refusal.extension_repeated":
		"Acabas de pedir esta misma extensión y ya se está haciendo: búscala en el canal. Para hacer otra, cambia el prompt.",
	"refusal.video_unknown": "El bot ya no conoce ese vídeo, así que no se puede extender.",
	"refusal.link_other_server":
		"Ese enlace lleva a un mensaje de otro servidor. Enlaza un vídeo de este servidor.",
	"refusal.link_no_video":
		"Ese mensaje no tiene ningún vídeo de este bot. Enlaza un mensaje que muestre un vídeo terminado.",
	"refusal.bad_url": "Ese enlace no es una URL válida. Pega la dirección completa del vídeo.",
	"refusal.unknown_video_id":
		"Aquí no se conoce ningún vídeo con el ID `{id}`. Elige uno de la lista o pega el ID de vídeo que aparece en un resultado.",
	"refusal.extend_missing_permissions":
		"No puedo publicar en este canal (falta: {permissions}), y una extensión empieza aquí con un mensaje propio. Pide a un admin que me dé esos permisos aquí, o extiende en otro canal.",
	"refusal.extend_needs_channel": "Las extensiones solo se pueden iniciar en un canal de un servidor.",
	"refusal.cannot_post":
		"No puedo publicar en este canal. Aquí necesito los permisos Ver canal, Enviar mensajes e Insertar enlaces.",
	"refusal.not_bot_message":
		"Ese mensaje no es de este bot. Usa Extender vídeo en un vídeo terminado que haya publicado el bot.",
	"refusal.no_video_in_message":
		"Ese mensaje no tiene ningún vídeo de este bot. Usa Extender vídeo en un vídeo terminado.",
	"refusal.command_gone":
		"Este comando ya no está disponible. Puede que Discord aún esté actualizando la lista de comandos.",
	"refusal.control_gone": "Este botón ya no se usa.",
	"refusal.form_gone":
		"Este formulario está desactualizado. Ciérralo y vuelve a pulsar Extender en el vídeo.",
	"refusal.subcommand_unavailable":
		"Esa parte de /luma no está disponible con el proveedor de vídeo actual del bot. Puede que Discord aún esté actualizando la lista de comandos.",
	"refusal.bad_time_zone":
		"«{zone}» no es una zona horaria. Usa un nombre como Europe/Madrid o America/New_York, o UTC.",
	"refusal.blocklist_pattern_too_long":
		"Esa entrada no se puede usar: un patrón puede tener como máximo {max} caracteres.",
	"refusal.blocklist_bad_flag":
		"Esa entrada no se puede usar: el indicador «{flag}» no está permitido; usa i, m, s o u.",
	"refusal.blocklist_unsupported":
		"Esa entrada no se puede usar: los patrones se ejecutan en un motor de tiempo lineal, sin referencias inversas ni aserciones de anticipación o retrospección ({error}).",
	"refusal.blocklist_does_not_compile": "Esa entrada no se puede usar: el patrón no compila ({error}).",
	"refusal.blocklist_matches_everything":
		"Esa entrada no se puede usar: el patrón coincide con cualquier prompt.",
	"refusal.blocklist_empty": "Esa entrada no se puede usar: está vacía.",
	"refusal.blocklist_word_too_long":
		"Esa entrada no se puede usar: una palabra o frase puede tener como máximo {max} caracteres.",
	"error.generic":
		"Algo ha fallado por nuestra parte. Ha quedado registrado; vuelve a intentarlo en un momento.",
	"error.shutting_down": "El bot se está reiniciando. Vuelve a intentarlo dentro de un minuto.",

	"provider.unknown": "El proveedor de vídeo",
	"feature.aspect_ratio": "elegir la relación de aspecto",
	"feature.loop": "los vídeos en bucle",
	"feature.enhance": "la mejora del prompt",
	"feature.start_frame": "un fotograma inicial",
	"feature.end_frame": "un fotograma final",
	"feature.model": "ese modelo",
	"feature.duration": "esa duración de clip",
	"feature.resolution": "esa resolución",
	"frame.start": "El fotograma inicial",
	"frame.end": "El fotograma final",

	"job.title_generate": "Creando tu vídeo",
	"job.title_extend": "Extendiendo un vídeo",
	"job.title_ready": "Vídeo listo",
	"job.title_extended": "Vídeo extendido",
	"job.title_failed": "El vídeo ha fallado",
	"job.state": "Estado",
	"job.state_queued": "⏳ En cola",
	"job.state_running": "🎬 Generando",
	"job.started": "Iniciado",
	"job.options": "Opciones",
	"job.options_default": "opciones predeterminadas",
	"job.option_backward": "lleva al clip",
	"job.option_loop": "bucle",
	"job.option_enhance_on": "mejora del prompt activada",
	"job.option_enhance_off": "mejora del prompt desactivada",
	"job.requested_by": "Pedido por",
	"job.credits": "Créditos",
	"job.credits_own": "Extendido por {user} a partir de su propio clip",
	"job.credits_other": "Extendido por {user} a partir del clip de {parent}",
	"job.credits_elsewhere": "Extendido por {user} a partir de [un vídeo creado en otro sitio]({url})",
	"job.chain": "Cadena",
	"job.chain_part": "Parte {part} de esta cadena",
	"job.chain_part_link": "Parte {part} de [esta cadena]({url})",
	"job.start_frame": "Fotograma inicial",
	"job.end_frame": "Fotograma final",
	"job.resolution": "Resolución",
	"job.made_in": "Creado en",
	"job.made_with": "Creado con",
	"job.made_with_failover": "{made} ({from} no estaba disponible)",
	"job.video_id": "ID del vídeo",
	"job.video": "Vídeo",
	"job.too_large":
		"Demasiado grande para subirlo a este canal. Usa **Obtener enlace** para conseguir un enlace de descarga nuevo.",
	"job.delivered_by_dm": "Tu vídeo de <#{channel}>: no he podido publicarlo allí.",
	"job.delivered_to_log":
		"Este vídeo para <@{user}> no se ha podido publicar en <#{channel}> ni enviar por mensaje directo.",
	"job.channel_note":
		"Aviso: no puedo publicar yo mismo en este canal (falta: {permissions}). Tu vídeo aparecerá aquí si está listo en menos de 15 minutos; si no, te lo enviaré por mensaje directo.",
	"job.prompt": "Prompt",
	"job.footer": "Trabajo {id}",
	"job.footer_options": "Trabajo {id} · {options}",
	"job.button_extend": "Extender",
	"job.button_link": "Obtener enlace",
	"job.button_open": "Abrir vídeo",
	"job.button_delete": "Eliminar",
	"job.just_now": "ahora mismo",

	"extend.modal_title": "Extender este vídeo",
	"extend.modal_label": "¿Qué pasa después?",
	"extend.modal_hint": "Déjalo vacío para reutilizar el prompt del clip.",
	"extend.follow": "Extendiendo el clip: síguelo aquí {url}",
	"reply.deleted": "Se ha eliminado el vídeo. Ya no se puede extender.",
	"reply.already_deleted": "Este vídeo ya está eliminado.",
	"reply.fresh_link":
		"Aquí tienes un enlace nuevo al vídeo (funciona durante una hora aproximadamente): {url}",

	"quota.exempt": "Tu rol está exento: no se te aplica ningún límite.",
	"quota.you_today": "**Tú hoy:** {left}",
	"quota.server_today": "**Servidor hoy:** {left}",
	"quota.server_month": "**Servidor este mes:** {left}",
	"quota.left": "quedan **{remaining}** de {limit}",
	"quota.unlimited": "sin límite ({used} usados)",
	"quota.in_progress": "**En curso:** tuyos {user}, del servidor {guild}",
	"quota.cooldown": "**Espera:** quedan {seconds} s",
	"quota.resets": "Los límites diarios se restablecen {day} y los mensuales {month} ({zone}).",

	"limit.guildDaily": "vídeos al día (servidor)",
	"limit.guildMonthly": "vídeos al mes (servidor)",
	"limit.guildMaxConcurrent": "vídeos en curso a la vez (servidor)",
	"limit.userDaily": "vídeos al día (por miembro)",
	"limit.userMaxConcurrent": "vídeos en curso a la vez (por miembro)",
	"limit.userCooldownSeconds": "segundos entre solicitudes (por miembro)",
	"admin.no_limit": "sin límite",
	"admin.limits_heading": "**Límites**",
	"admin.limit_line": "- {name}: **{value}**",
	"admin.limit_line_default": "- {name}: **{value}** (predeterminado)",
	"admin.time_zone_line": "- los días y los meses cambian a medianoche en **{zone}**",
	"admin.limit_change": "{name}: {value}",
	"admin.time_zone_change": "zona horaria: {zone}",
	"admin.limits_updated": "Límites actualizados: {changes}.",
	"admin.channels_line": "**Canales:** {channels}",
	"admin.every_channel": "todos los canales",
	"admin.required_roles_line": "**Roles necesarios:** {roles}",
	"admin.no_required_roles": "ninguno (todo el mundo puede crear vídeos)",
	"admin.exempt_roles_line": "**Roles exentos:** {roles}",
	"admin.banned_line": "**Miembros vetados:** {users}",
	"admin.blocklist_line": "**Bloqueos:** {entries}",
	"admin.blocklist_empty": "ninguno",
	"admin.audit_line": "**Registro de auditoría:** {channel}",
	"admin.audit_off": "desactivado",
	"admin.language_line": "**Idioma:** {language}",
	"admin.language_auto": "el idioma de Discord del servidor (ahora {language})",
	"admin.none": "ninguno",
	"admin.usage_today": {
		one: "**Hoy:** {count} vídeo (se restablece {resets})",
		other: "**Hoy:** {count} vídeos (se restablece {resets})",
	},
	"admin.usage_month": {
		one: "**Este mes:** {count} vídeo (se restablece {resets})",
		other: "**Este mes:** {count} vídeos (se restablece {resets})",
	},
	"admin.usage_in_progress": "**En curso:** {count}",
	"admin.usage_top": "**Miembros más activos hoy:**",
	"admin.usage_nobody": "nadie todavía",
	"admin.already_listed": "{label} ya está en la lista; no ha cambiado nada.",
	"admin.not_listed": "{label} no está en la lista; no ha cambiado nada.",
	"admin.allowedChannels_added": "Ahora se pueden crear vídeos en {label}.",
	"admin.allowedChannels_removed": "Ya no se pueden crear vídeos en {label}.",
	"admin.requiredRoles_added": "Ahora los miembros necesitan un rol necesario; añadido {label}.",
	"admin.requiredRoles_removed": "Ya no es un rol necesario: {label}.",
	"admin.exemptRoles_added": "Ahora no se aplica ningún límite a {label}.",
	"admin.exemptRoles_removed": "Los límites vuelven a aplicarse a {label}.",
	"admin.bannedUsers_added": "Vetado para crear vídeos: {label}.",
	"admin.bannedUsers_removed": "Vuelve a poder crear vídeos: {label}.",
	"admin.blocklist_added": "Los prompts ya no pueden contener {label}.",
	"admin.blocklist_removed": "Los prompts vuelven a poder contener {label}.",
	"admin.channels_cleared": "Se vuelven a poder crear vídeos en todos los canales.",
	"admin.role_not_listed": "{role} no es necesario ni está exento; no ha cambiado nada.",
	"admin.role_removed": "{role} ya no es necesario ni está exento.",
	"admin.log_channel_set": "El registro de auditoría va ahora a {channel}.",
	"admin.log_channel_off": "El registro de auditoría está desactivado.",
	"admin.reset_user": "Se ha restablecido el uso de hoy de {user}.",
	"admin.reset_server": "Se ha restablecido el uso de hoy de todo el servidor.",
	"admin.language_set": "Los mensajes públicos están ahora en {language}.",
	"admin.language_cleared": "Los mensajes públicos siguen ahora el idioma de Discord del servidor.",
	"admin.channels_list": "Se pueden crear vídeos en: {channels}",
	"admin.channels_everywhere": "Se pueden crear vídeos en todos los canales.",
	"admin.roles_list": "Roles necesarios: {required}\nRoles exentos: {exempt}",
	"admin.blocklist_list": "Bloqueado: {entries}",
	"admin.blocklist_list_empty": "La lista de bloqueos está vacía.",

	"audit.extension_requested": "Extensión solicitada",
	"audit.video_requested": "Vídeo solicitado",
	"audit.video_deleted": "Vídeo eliminado",
	"audit.video_made": "Vídeo creado",
	"audit.video_failed": "El vídeo ha fallado",
	"audit.prompt_blocked": "Prompt bloqueado",
	"audit.banned_refused": "Miembro vetado rechazado",
	"audit.provider_refused": "El proveedor de vídeo ha rechazado la cuenta del bot",
	"audit.settings_changed": "Ajustes cambiados",
	"audit.by": "Por",
	"audit.channel": "Canal",
	"audit.message": "Mensaje",
	"audit.reason": "Motivo",
	"audit.deleted_by": "Eliminado por",
	"audit.matched": "Coincidencia",
	"audit.provider": "Proveedor",

	"cmd.luma.description": "Crea vídeos cortos con IA usando Luma",
	"cmd.generate.name": "generar",
	"cmd.generate.description": "Crea un vídeo a partir de un prompt",
	"cmd.generate.description_frames":
		"Crea un vídeo a partir de un prompt, opcionalmente entre un fotograma inicial y uno final",
	"cmd.prompt.name": "prompt",
	"cmd.generate.prompt": "Qué debe pasar en el vídeo",
	"cmd.start_frame.name": "fotograma_inicial",
	"cmd.start_frame.description": "Imagen para el primer fotograma (PNG, JPEG o WebP)",
	"cmd.end_frame.name": "fotograma_final",
	"cmd.end_frame.description": "Imagen para el último fotograma (PNG, JPEG o WebP)",
	"cmd.aspect_ratio.name": "relación_de_aspecto",
	"cmd.aspect_ratio.description": "Formato del vídeo (predeterminado {default})",
	"cmd.loop.name": "bucle",
	"cmd.loop.description": "Hace que el vídeo se repita en bucle sin cortes",
	"cmd.enhance.name": "mejorar",
	"cmd.enhance.description": "Deja que el proveedor mejore tu prompt",
	"cmd.model.name": "modelo",
	"cmd.model.description": "Modelo de vídeo (predeterminado {default})",
	"cmd.duration.name": "duración",
	"cmd.duration.description": "Duración del clip (predeterminada {default})",
	"cmd.resolution.name": "resolución",
	"cmd.resolution.description": "Resolución del clip (predeterminada {default})",
	"cmd.extend.name": "extender",
	"cmd.extend.description":
		"Continúa un vídeo con un prompt nuevo; cualquiera puede extender el clip de cualquiera",
	"cmd.video.name": "vídeo",
	"cmd.video.description": "Un vídeo reciente, su ID de vídeo o un enlace al mensaje del bot",
	"cmd.video.description_url":
		"Un vídeo reciente, su ID de vídeo, un enlace al mensaje del bot o la URL de un vídeo",
	"cmd.extend.prompt": "Qué pasa después (predeterminado: el prompt del clip)",
	"cmd.direction.name": "dirección",
	"cmd.direction.description": "Continúa después del clip (predeterminado) o crea la parte que lleva a él",
	"cmd.direction.forward": "después del clip",
	"cmd.direction.backward": "antes del clip",
	"cmd.quota.name": "cuota",
	"cmd.quota.description":
		"Cuántos vídeos os quedan a ti y a este servidor, y cuándo se restablecen los límites",
	"cmd.extend_video.name": "Extender vídeo",

	"cmd.admin.description": "Decide quién puede crear vídeos, dónde y cuántos",
	"cmd.limits.name": "límites",
	"cmd.limits.description": "Fija los límites (0 = sin límite); sin opciones, los muestra",
	"cmd.server_daily.name": "servidor_diario",
	"cmd.server_monthly.name": "servidor_mensual",
	"cmd.server_concurrent.name": "servidor_simultáneos",
	"cmd.member_daily.name": "miembro_diario",
	"cmd.member_concurrent.name": "miembro_simultáneos",
	"cmd.member_cooldown_seconds.name": "miembro_espera_segundos",
	"cmd.time_zone.name": "zona_horaria",
	"cmd.time_zone.description":
		"Cuándo cambian los días y los meses, p. ej. Europe/Madrid (UTC para restablecer)",
	"cmd.channels.name": "canales",
	"cmd.channels.description": "Dónde se pueden crear vídeos (si no hay ninguno: en todas partes)",
	"cmd.allow.name": "permitir",
	"cmd.allow.description": "Permite vídeos en un canal",
	"cmd.disallow.name": "prohibir",
	"cmd.disallow.description": "Quita un canal de la lista de permitidos",
	"cmd.channels_clear.description": "Vuelve a permitir vídeos en todos los canales",
	"cmd.channels_list.description": "Muestra los canales permitidos",
	"cmd.channel.name": "canal",
	"cmd.channel.description": "Canal",
	"cmd.roles.name": "roles",
	"cmd.roles.description": "Qué roles pueden crear vídeos y cuáles no tienen límites",
	"cmd.require.name": "exigir",
	"cmd.require.description": "Solo los miembros con un rol necesario pueden crear vídeos",
	"cmd.exempt.name": "eximir",
	"cmd.exempt.description": "Los miembros con este rol no tienen límites",
	"cmd.roles_remove.description": "Quita un rol de ambas listas",
	"cmd.roles_list.description": "Muestra los roles necesarios y exentos",
	"cmd.role.name": "rol",
	"cmd.role.description": "Rol",
	"cmd.blocklist.name": "bloqueos",
	"cmd.blocklist.description": "Palabras y patrones /regex/ que los prompts no pueden contener",
	"cmd.add.name": "añadir",
	"cmd.blocklist_add.description": "Bloquea una palabra, una frase o una /regex/",
	"cmd.blocklist_remove.description": "Desbloquea una entrada",
	"cmd.blocklist_list.description": "Muestra la lista de bloqueos",
	"cmd.entry.name": "entrada",
	"cmd.entry.description": "Una palabra, una frase o /patrón/",
	"cmd.entry.description_listed": "La entrada tal como aparece en la lista",
	"cmd.ban.name": "vetar",
	"cmd.ban.description": "Impide que un miembro cree vídeos",
	"cmd.unban.name": "levantar-veto",
	"cmd.unban.description": "Deja que un miembro vuelva a crear vídeos",
	"cmd.user.name": "miembro",
	"cmd.user.description": "Miembro",
	"cmd.user.description_reset": "Miembro (déjalo vacío para todo el servidor)",
	"cmd.log_channel.name": "canal-registro",
	"cmd.log_channel.description": "Dónde se registran las solicitudes, los resultados y los cambios",
	"cmd.set.name": "establecer",
	"cmd.log_channel_set.description": "Registra en un canal",
	"cmd.log_channel_clear.description": "Deja de registrar",
	"cmd.usage.name": "uso",
	"cmd.usage.description": "Uso de hoy y de este mes, miembros más activos",
	"cmd.reset.name": "restablecer",
	"cmd.reset.description": "Restablece el uso de hoy de un miembro o de todo el servidor",
	"cmd.settings.name": "ajustes",
	"cmd.settings.description": "Todos los ajustes de un vistazo, y el idioma del servidor",
	"cmd.show.name": "mostrar",
	"cmd.show.description": "Todos los ajustes de un vistazo",
	"cmd.language.name": "idioma",
	"cmd.language.description":
		"El idioma de los mensajes públicos: resultados, fallos y registro de auditoría",
	"cmd.language.option": "Un idioma, o seguir el idioma de Discord del servidor",
	"cmd.language.auto": "Seguir el idioma de Discord del servidor",
	"cmd.clear.name": "vaciar",
	"cmd.list.name": "lista",
	"cmd.remove.name": "quitar",
} as const satisfies Catalogue;
