import type { Catalogue } from "../catalogue.js";
import type { LanguageInfo } from "../languageInfo.js";

/** Português (Brasil). */
/** The language's code, its own name, and the Discord locales that read it. */
export const language = {
	code: "pt-BR",
	name: "Português (Brasil)",
	discordLocales: ["pt-BR"],
} as const satisfies LanguageInfo;

export const messages = {
	"failure.bad_request":
		"O provedor de vídeo não aceitou este pedido. Confira o prompt e as imagens e tente de novo.",
	"failure.invalid_token":
		"A chave do bot no provedor foi recusada. Um admin do servidor precisa verificar a chave do provedor.",
	"failure.token_expired": "A chave do bot no provedor expirou. Um admin do servidor precisa renová-la.",
	"failure.disabled": "A conta do bot no provedor está desativada. Um admin do servidor precisa verificá-la.",
	"failure.no_credits":
		"Os créditos do provedor de vídeo acabaram. Um admin do servidor precisa recarregar a conta.",
	"failure.moderated": "A moderação do provedor recusou este prompt ou esta imagem. Tente reescrevê-lo.",
	"failure.not_found":
		"O provedor de vídeo não reconheceu este pedido. Um admin do servidor precisa verificar as configurações do provedor.",
	"failure.too_many_requests": "O provedor de vídeo está ocupado agora. Tente de novo daqui a um minuto.",
	"failure.unavailable":
		"O provedor de vídeo não pode aceitar novos vídeos agora. Tente de novo daqui a alguns minutos.",
	"failure.api_error":
		"O provedor de vídeo teve um problema ao criar este vídeo. Tente de novo daqui a alguns minutos.",
	"failure.timeout":
		"O provedor de vídeo demorou demais para responder, então o bot não sabe se este vídeo começou. Ele não foi enviado de novo; tente daqui a alguns minutos.",
	"failure.unreachable":
		"O bot não conseguiu falar com o provedor de vídeo. Tente de novo daqui a alguns minutos.",
	"failure.network": "A conexão com o provedor de vídeo caiu. Tente de novo daqui a alguns minutos.",
	"failure.invalid_response":
		"O provedor de vídeo enviou uma resposta que o bot não conseguiu ler. Tente de novo mais tarde.",
	"failure.failed":
		"O provedor de vídeo não conseguiu criar este vídeo. Tente de novo, talvez com outro prompt.",
	"failure.no_output": "O provedor de vídeo terminou sem devolver nenhum vídeo. Tente de novo.",
	"failure.unknown": "O provedor de vídeo recusou o pedido. Tente de novo mais tarde.",
	"failure.internal":
		"Algo deu errado no bot ao iniciar este vídeo. O erro foi registrado; tente de novo, por favor.",
	"failure.timeout_waiting":
		"O provedor não terminou este vídeo em {minutes} minutos, então o bot parou de esperar. Tente de novo; se continuar acontecendo, o provedor pode estar sobrecarregado.",
	"failure.interrupted_while_submitting":
		"O bot reiniciou enquanto enviava este pedido, então não sabe se o provedor o recebeu. Ele não foi enviado de novo, para não pagar duas vezes. Use o comando de novo se nenhum vídeo chegar.",
	"failure.interrupted_before_start":
		"O bot reiniciou antes de este pedido começar. Nada foi enviado nem cobrado; use o comando de novo.",
	"failure.not_started": "Este pedido não começou. Nada foi enviado nem cobrado.",
	"failure.provider_not_configured":
		"Este vídeo estava sendo criado por {provider}, que este bot não usa mais, então não pode ser concluído. Sua unidade foi devolvida; use o comando de novo.",
	"failure.none": "Não foi possível criar o vídeo.",
	"failure.nothing_charged": "{reason} Nada foi cobrado.",

	"refusal.unsupported_option":
		"{provider}, o provedor de vídeo deste bot, não oferece {feature}. Use o comando de novo sem essa opção.",
	"refusal.unsupported_option_value":
		"{provider}, o provedor de vídeo deste bot, não oferece {feature} ({value}). Use o comando de novo sem essa opção.",
	"refusal.extend_unsupported":
		"{provider} não consegue estender vídeos, então este clipe não pode continuar.",
	"refusal.extend_by_url_unsupported":
		"{provider} só consegue estender vídeos que ele mesmo criou. Escolha um dos vídeos deste servidor em vez de um link.",
	"refusal.extend_end_frame_unsupported":
		"{provider} não consegue usar um quadro final ao estender. Use o comando de novo sem ele.",
	"refusal.extend_backward_unsupported":
		"{provider} só consegue estender para frente. Use o comando de novo sem a direção.",
	"refusal.extend_option":
		"{provider} só aceita um prompt e um quadro final ao estender, não {feature}. Use o comando de novo sem essa opção.",
	"refusal.extend_start_frame":
		"Uma extensão começa onde o clipe termina, então não pode ter também um quadro inicial. Use o comando de novo sem ele.",
	"refusal.extend_target_missing":
		"Diga qual vídeo estender: escolha um da lista ou cole um ID de vídeo ou um link.",
	"refusal.extend_backward_end_frame":
		"Um clipe que leva a um vídeo termina nesse vídeo, então não pode ter também um quadro final. Tire um dos dois.",
	"refusal.extend_provider_not_configured":
		"Esse clipe foi criado com {provider}, que este bot não usa mais, então não pode ser estendido. Crie um vídeo novo.",
	"refusal.provider_account":
		"{provider} recusou a conta do bot, então nenhum vídeo pode ser criado agora. Um admin do servidor precisa verificar a chave do provedor; tente de novo mais tarde.",
	"refusal.provider_account_credits":
		"Os créditos deste bot em {provider} acabaram, então nenhum vídeo pode ser criado agora. Um admin do servidor já foi avisado; tente de novo mais tarde.",
	"refusal.prompt_language":
		"{provider} só aceita prompts em inglês. Reescreva o prompt em inglês e tente de novo.",
	"refusal.model_unknown": "O modelo {model} não está disponível aqui. Escolha um da lista.",
	"refusal.duration_text_only":
		"Clipes de {duration} só podem ser criados a partir de um prompt, sem imagens. Remova os quadros ou escolha um clipe mais curto.",
	"refusal.loop_duration":
		"Clipes de {duration} não podem ficar em loop. Desative o loop ou escolha um clipe mais curto.",
	"refusal.delete_gone": "Esse vídeo já foi removido.",
	"refusal.delete_not_allowed":
		"Só quem pediu este vídeo, ou um membro com a permissão Gerenciar mensagens, pode excluí-lo.",
	"refusal.link_provider_not_configured":
		"Esse vídeo foi criado com {provider}, que este bot não usa mais, então não dá para gerar um link novo.",
	"refusal.link_unavailable":
		"Não há mais um link novo disponível para este vídeo. O arquivo enviado acima continua tocando.",
	"refusal.generic": "Este pedido não pode ser feito com o provedor de vídeo do bot.",
	"refusal.prompt_empty":
		"Seu prompt está vazio. Descreva o vídeo que você quer, por exemplo: *um barquinho de papel descendo uma rua chuvosa*.",
	"refusal.prompt_too_long":
		"Seu prompt tem {length} caracteres; o limite é {max}. Encurte-o e tente de novo.",
	"refusal.extend_prompt_missing":
		"Escreva um prompt para a próxima parte: esse vídeo não tem um prompt anterior para reaproveitar.",
	"refusal.frame_too_large":
		"{frame} tem {size}; os quadros podem ter no máximo {max}. Anexe uma imagem menor.",
	"refusal.frame_unreadable": "Não foi possível ler {frame} no Discord. Anexe de novo e tente outra vez.",
	"refusal.frame_not_image":
		"{frame} ({filename}) não é uma imagem PNG, JPEG ou WebP. Anexe uma imagem em um desses formatos.",
	"refusal.server_only": "Vídeos só podem ser criados em um servidor.",
	"refusal.quota_server_only": "Os limites valem por servidor; use este comando em um servidor.",
	"refusal.admin_server_only": "Este comando só funciona em um servidor.",
	"refusal.blocked_prompt":
		"Seu prompt contém “{word}”, o que este servidor não permite. Reescreva e tente de novo.",
	"refusal.banned":
		"Você está banido de criar vídeos neste servidor. Fale com um admin do servidor se achar que é um engano.",
	"refusal.channel": {
		"=0": "Não é possível criar vídeos neste canal. Use um destes: {channels}.",
		other: "Não é possível criar vídeos neste canal. Use um destes: {channels} e mais {count}.",
	},
	"refusal.role": {
		"=0": "Você precisa de um destes cargos para criar vídeos: {roles}. Pergunte a um admin do servidor como conseguir um.",
		other:
			"Você precisa de um destes cargos para criar vídeos: {roles} e mais {count}. Pergunte a um admin do servidor como conseguir um.",
	},
	"refusal.guild_monthly": {
		one: "Este servidor usou {used} de {count} vídeo neste mês; o limite é renovado {resets}. Fale com um admin do servidor se precisar de mais.",
		other:
			"Este servidor usou {used} de {count} vídeos neste mês; o limite é renovado {resets}. Fale com um admin do servidor se precisar de mais.",
	},
	"refusal.guild_daily": {
		one: "Este servidor usou {used} de {count} vídeo hoje; o limite é renovado {resets}. Tente de novo depois disso.",
		other:
			"Este servidor usou {used} de {count} vídeos hoje; o limite é renovado {resets}. Tente de novo depois disso.",
	},
	"refusal.user_daily": {
		one: "Você usou {used} de {count} vídeo hoje; seu limite é renovado {resets}. Fale com um admin do servidor se precisar de mais.",
		other:
			"Você usou {used} de {count} vídeos hoje; seu limite é renovado {resets}. Fale com um admin do servidor se precisar de mais.",
	},
	"refusal.user_concurrent": {
		one: "Você já tem {count} vídeo em andamento (limite {limit}). Espere ele terminar.",
		other: "Você já tem {count} vídeos em andamento (limite {limit}). Espere um deles terminar.",
	},
	"refusal.guild_concurrent": {
		one: "Este servidor tem {count} vídeo em andamento (limite {limit}). Tente de novo quando ele terminar.",
		other:
			"Este servidor tem {count} vídeos em andamento (limite {limit}). Tente de novo quando um deles terminar.",
	},
	"refusal.cooldown":
		"Calma: você pode começar outro vídeo {resets} (intervalo de {seconds} s entre pedidos).",
	"refusal.video_other_server": "Esse vídeo é de outro servidor, então não pode ser estendido aqui.",
	"refusal.video_deleted": "Esse vídeo foi excluído, então não pode ser estendido. Escolha outro.",
	"refusal.video_failed": "Esse vídeo falhou, então não há nada para estender. Escolha um vídeo pronto.",
	"refusal.video_in_progress":
		"Esse vídeo ainda está sendo criado. Espere ele ficar pronto e depois estenda.",
	"refusal.extension_repeated":
		"Você acabou de pedir esta mesma extensão, e ela já está sendo feita: acompanhe no canal. Para fazer outra, mude o prompt.",
	"refusal.video_unknown": "O bot não conhece mais esse vídeo, então ele não pode ser estendido.",
	"refusal.link_other_server":
		"Esse link aponta para uma mensagem de outro servidor. Use o link de um vídeo deste servidor.",
	"refusal.link_no_video":
		"Essa mensagem não tem nenhum vídeo deste bot. Use o link de uma mensagem que mostre um vídeo pronto.",
	"refusal.bad_url": "Esse link não é uma URL válida. Cole o endereço completo do vídeo.",
	"refusal.unknown_video_id":
		"Nenhum vídeo com o ID `{id}` é conhecido aqui. Escolha um da lista ou cole o ID de vídeo mostrado em um resultado.",
	"refusal.extend_missing_permissions":
		"Não consigo publicar neste canal (falta: {permissions}), e uma extensão começa aqui com uma mensagem própria. Peça a um admin para me dar essas permissões aqui, ou estenda em outro canal.",
	"refusal.extend_needs_channel": "Extensões só podem ser iniciadas em um canal de servidor.",
	"refusal.cannot_post":
		"Não consigo publicar neste canal. Preciso das permissões Ver canal, Enviar mensagens e Inserir links aqui.",
	"refusal.not_bot_message":
		"Essa mensagem não é deste bot. Use Estender vídeo em um vídeo pronto que o bot publicou.",
	"refusal.no_video_in_message":
		"Essa mensagem não tem nenhum vídeo deste bot. Use Estender vídeo em um vídeo pronto.",
	"refusal.command_gone":
		"Este comando não está mais disponível. O Discord talvez ainda esteja atualizando a lista de comandos.",
	"refusal.control_gone": "Este botão não está mais em uso.",
	"refusal.form_gone": "Este formulário está desatualizado. Feche-o e toque em Estender no vídeo de novo.",
	"refusal.subcommand_unavailable":
		"Essa parte do /luma não está disponível com o provedor de vídeo atual do bot. O Discord talvez ainda esteja atualizando a lista de comandos.",
	"refusal.bad_time_zone":
		"“{zone}” não é um fuso horário. Use um nome como America/Sao_Paulo ou Europe/Lisbon, ou UTC.",
	"refusal.blocklist_pattern_too_long":
		"Essa entrada não pode ser usada: um padrão pode ter no máximo {max} caracteres.",
	"refusal.blocklist_bad_flag":
		"Essa entrada não pode ser usada: a flag “{flag}” não é permitida; use i, m, s ou u.",
	"refusal.blocklist_unsupported":
		"Essa entrada não pode ser usada: os padrões rodam em um mecanismo de tempo linear, sem referências retroativas nem asserções de lookahead ou lookbehind ({error}).",
	"refusal.blocklist_does_not_compile": "Essa entrada não pode ser usada: o padrão não compila ({error}).",
	"refusal.blocklist_matches_everything":
		"Essa entrada não pode ser usada: o padrão combina com qualquer prompt.",
	"refusal.blocklist_empty": "Essa entrada não pode ser usada: ela está vazia.",
	"refusal.blocklist_word_too_long":
		"Essa entrada não pode ser usada: uma palavra ou frase pode ter no máximo {max} caracteres.",
	"error.generic": "Algo deu errado do nosso lado. O erro foi registrado; tente de novo daqui a pouco.",
	"error.shutting_down": "O bot está reiniciando. Tente de novo daqui a um minuto.",

	"provider.unknown": "O provedor de vídeo",
	"feature.aspect_ratio": "a escolha da proporção",
	"feature.loop": "vídeos em loop",
	"feature.enhance": "o aprimoramento do prompt",
	"feature.start_frame": "um quadro inicial",
	"feature.end_frame": "um quadro final",
	"feature.model": "esse modelo",
	"feature.duration": "essa duração de clipe",
	"feature.resolution": "essa resolução",
	"frame.start": "O quadro inicial",
	"frame.end": "O quadro final",

	"job.title_generate": "Criando seu vídeo",
	"job.title_extend": "Estendendo um vídeo",
	"job.title_ready": "Vídeo pronto",
	"job.title_extended": "Vídeo estendido",
	"job.title_failed": "O vídeo falhou",
	"job.state": "Status",
	"job.state_queued": "⏳ Na fila",
	"job.state_running": "🎬 Gerando",
	"job.started": "Iniciado",
	"job.options": "Opções",
	"job.options_default": "opções padrão",
	"job.option_backward": "leva ao clipe",
	"job.option_loop": "loop",
	"job.option_enhance_on": "aprimoramento do prompt ligado",
	"job.option_enhance_off": "aprimoramento do prompt desligado",
	"job.requested_by": "Pedido por",
	"job.credits": "Créditos",
	"job.credits_own": "Estendido por {user} a partir do próprio clipe",
	"job.credits_other": "Estendido por {user} a partir do clipe de {parent}",
	"job.credits_elsewhere": "Estendido por {user} a partir de [um vídeo criado em outro lugar]({url})",
	"job.chain": "Sequência",
	"job.chain_part": "Parte {part} desta sequência",
	"job.chain_part_link": "Parte {part} [desta sequência]({url})",
	"job.start_frame": "Quadro inicial",
	"job.end_frame": "Quadro final",
	"job.resolution": "Resolução",
	"job.made_in": "Criado em",
	"job.made_with": "Criado com",
	"job.made_with_failover": "{made} ({from} estava indisponível)",
	"job.video_id": "ID do vídeo",
	"job.video": "Vídeo",
	"job.too_large": "Grande demais para enviar neste canal. Use **Obter link** para um link de download novo.",
	"job.delivered_by_dm": "Seu vídeo de <#{channel}>: não consegui publicá-lo lá.",
	"job.delivered_to_log":
		"Este vídeo para <@{user}> não pôde ser publicado em <#{channel}> nem enviado por mensagem direta.",
	"job.channel_note":
		"Aviso: não consigo publicar sozinho neste canal (falta: {permissions}). Seu vídeo aparece aqui se ficar pronto em até 15 minutos; depois disso eu o envio por mensagem direta.",
	"job.prompt": "Prompt",
	"job.footer": "Tarefa {id}",
	"job.footer_options": "Tarefa {id} · {options}",
	"job.button_extend": "Estender",
	"job.button_link": "Obter link",
	"job.button_open": "Abrir vídeo",
	"job.button_delete": "Excluir",
	"job.just_now": "agora mesmo",

	"extend.modal_title": "Estender este vídeo",
	"extend.modal_label": "O que acontece depois?",
	"extend.modal_hint": "Deixe vazio para reaproveitar o prompt do clipe.",
	"extend.follow": "Estendendo o clipe: acompanhe aqui {url}",
	"reply.deleted": "O vídeo foi excluído. Ele não pode mais ser estendido.",
	"reply.already_deleted": "Este vídeo já foi excluído.",
	"reply.fresh_link": "Aqui está um link novo para o vídeo (ele funciona por cerca de uma hora): {url}",

	"quota.exempt": "Seu cargo é isento: nenhum limite se aplica a você.",
	"quota.you_today": "**Você hoje:** {left}",
	"quota.server_today": "**Servidor hoje:** {left}",
	"quota.server_month": "**Servidor neste mês:** {left}",
	"quota.left": "restam **{remaining}** de {limit}",
	"quota.unlimited": "sem limite ({used} usados)",
	"quota.in_progress": "**Em andamento:** seus {user}, do servidor {guild}",
	"quota.cooldown": "**Intervalo:** faltam {seconds} s",
	"quota.resets": "Os limites diários são renovados {day} e os mensais {month} ({zone}).",

	"limit.guildDaily": "vídeos por dia (servidor)",
	"limit.guildMonthly": "vídeos por mês (servidor)",
	"limit.guildMaxConcurrent": "vídeos em andamento ao mesmo tempo (servidor)",
	"limit.userDaily": "vídeos por dia (por membro)",
	"limit.userMaxConcurrent": "vídeos em andamento ao mesmo tempo (por membro)",
	"limit.userCooldownSeconds": "segundos entre pedidos (por membro)",
	"admin.no_limit": "sem limite",
	"admin.limits_heading": "**Limites**",
	"admin.limit_line": "- {name}: **{value}**",
	"admin.limit_line_default": "- {name}: **{value}** (padrão)",
	"admin.time_zone_line": "- os dias e os meses viram à meia-noite em **{zone}**",
	"admin.limit_change": "{name}: {value}",
	"admin.time_zone_change": "fuso horário: {zone}",
	"admin.limits_updated": "Limites atualizados: {changes}.",
	"admin.channels_line": "**Canais:** {channels}",
	"admin.every_channel": "todos os canais",
	"admin.required_roles_line": "**Cargos exigidos:** {roles}",
	"admin.no_required_roles": "nenhum (todos podem criar vídeos)",
	"admin.exempt_roles_line": "**Cargos isentos:** {roles}",
	"admin.banned_line": "**Membros banidos:** {users}",
	"admin.blocklist_line": "**Bloqueios:** {entries}",
	"admin.blocklist_empty": "nenhum",
	"admin.audit_line": "**Registro de auditoria:** {channel}",
	"admin.audit_off": "desligado",
	"admin.language_line": "**Idioma:** {language}",
	"admin.language_auto": "o idioma do Discord do servidor (agora {language})",
	"admin.none": "nenhum",
	"admin.usage_today": {
		one: "**Hoje:** {count} vídeo (renova {resets})",
		other: "**Hoje:** {count} vídeos (renova {resets})",
	},
	"admin.usage_month": {
		one: "**Neste mês:** {count} vídeo (renova {resets})",
		other: "**Neste mês:** {count} vídeos (renova {resets})",
	},
	"admin.usage_in_progress": "**Em andamento:** {count}",
	"admin.usage_top": "**Membros mais ativos hoje:**",
	"admin.usage_nobody": "ninguém ainda",
	"admin.already_listed": "{label} já está na lista; nada mudou.",
	"admin.not_listed": "{label} não está na lista; nada mudou.",
	"admin.allowedChannels_added": "Agora é possível criar vídeos em {label}.",
	"admin.allowedChannels_removed": "Não é mais possível criar vídeos em {label}.",
	"admin.requiredRoles_added": "Agora os membros precisam de um cargo exigido; adicionado {label}.",
	"admin.requiredRoles_removed": "Não é mais um cargo exigido: {label}.",
	"admin.exemptRoles_added": "Nenhum limite se aplica agora a {label}.",
	"admin.exemptRoles_removed": "Os limites voltam a valer para {label}.",
	"admin.bannedUsers_added": "Banido de criar vídeos: {label}.",
	"admin.bannedUsers_removed": "Pode criar vídeos de novo: {label}.",
	"admin.blocklist_added": "Os prompts não podem mais conter {label}.",
	"admin.blocklist_removed": "Os prompts podem conter {label} de novo.",
	"admin.channels_cleared": "É possível criar vídeos em todos os canais de novo.",
	"admin.role_not_listed": "{role} não é exigido nem isento; nada mudou.",
	"admin.role_removed": "{role} não é mais exigido nem isento.",
	"admin.log_channel_set": "O registro de auditoria agora vai para {channel}.",
	"admin.log_channel_off": "O registro de auditoria está desligado.",
	"admin.reset_user": "O uso de hoje de {user} foi zerado.",
	"admin.reset_server": "O uso de hoje do servidor inteiro foi zerado.",
	"admin.language_set": "As mensagens públicas agora estão em {language}.",
	"admin.language_cleared": "As mensagens públicas agora seguem o idioma do Discord do servidor.",
	"admin.channels_list": "É possível criar vídeos em: {channels}",
	"admin.channels_everywhere": "É possível criar vídeos em todos os canais.",
	"admin.roles_list": "Cargos exigidos: {required}\nCargos isentos: {exempt}",
	"admin.blocklist_list": "Bloqueado: {entries}",
	"admin.blocklist_list_empty": "A lista de bloqueios está vazia.",

	"audit.extension_requested": "Extensão pedida",
	"audit.video_requested": "Vídeo pedido",
	"audit.video_deleted": "Vídeo excluído",
	"audit.video_made": "Vídeo criado",
	"audit.video_failed": "O vídeo falhou",
	"audit.prompt_blocked": "Prompt bloqueado",
	"audit.banned_refused": "Membro banido recusado",
	"audit.provider_refused": "O provedor de vídeo recusou a conta do bot",
	"audit.settings_changed": "Configurações alteradas",
	"audit.by": "Por",
	"audit.channel": "Canal",
	"audit.message": "Mensagem",
	"audit.reason": "Motivo",
	"audit.deleted_by": "Excluído por",
	"audit.matched": "Correspondência",
	"audit.provider": "Provedor",

	"cmd.luma.description": "Crie vídeos curtos com IA usando o Luma",
	"cmd.generate.name": "gerar",
	"cmd.generate.description": "Crie um vídeo a partir de um prompt",
	"cmd.generate.description_frames":
		"Crie um vídeo a partir de um prompt, opcionalmente entre um quadro inicial e um final",
	"cmd.prompt.name": "prompt",
	"cmd.generate.prompt": "O que deve acontecer no vídeo",
	"cmd.start_frame.name": "quadro_inicial",
	"cmd.start_frame.description": "Imagem para o primeiro quadro (PNG, JPEG ou WebP)",
	"cmd.end_frame.name": "quadro_final",
	"cmd.end_frame.description": "Imagem para o último quadro (PNG, JPEG ou WebP)",
	"cmd.aspect_ratio.name": "proporção",
	"cmd.aspect_ratio.description": "Formato do vídeo (padrão {default})",
	"cmd.loop.name": "loop",
	"cmd.loop.description": "Faz o vídeo repetir em loop sem cortes",
	"cmd.enhance.name": "aprimorar",
	"cmd.enhance.description": "Deixe o provedor aprimorar seu prompt",
	"cmd.model.name": "modelo",
	"cmd.model.description": "Modelo de vídeo (padrão {default})",
	"cmd.duration.name": "duração",
	"cmd.duration.description": "Duração do clipe (padrão {default})",
	"cmd.resolution.name": "resolução",
	"cmd.resolution.description": "Resolução do clipe (padrão {default})",
	"cmd.extend.name": "estender",
	"cmd.extend.description":
		"Continue um vídeo com um novo prompt; qualquer pessoa pode estender o clipe de qualquer um",
	"cmd.video.name": "vídeo",
	"cmd.video.description": "Um vídeo recente, seu ID de vídeo ou um link para a mensagem do bot",
	"cmd.video.description_url":
		"Um vídeo recente, seu ID de vídeo, um link para a mensagem do bot ou a URL de um vídeo",
	"cmd.extend.prompt": "O que acontece depois (padrão: o prompt do clipe)",
	"cmd.direction.name": "direção",
	"cmd.direction.description": "Continuar depois do clipe (padrão) ou criar a parte que leva até ele",
	"cmd.direction.forward": "depois do clipe",
	"cmd.direction.backward": "antes do clipe",
	"cmd.quota.name": "cota",
	"cmd.quota.description":
		"Quantos vídeos restam para você e para este servidor, e quando os limites renovam",
	"cmd.extend_video.name": "Estender vídeo",

	"cmd.admin.description": "Defina quem pode criar vídeos, onde e quantos",
	"cmd.limits.name": "limites",
	"cmd.limits.description": "Defina os limites (0 = sem limite); sem opções, mostra os atuais",
	"cmd.server_daily.name": "servidor_por_dia",
	"cmd.server_monthly.name": "servidor_por_mês",
	"cmd.server_concurrent.name": "servidor_simultâneos",
	"cmd.member_daily.name": "membro_por_dia",
	"cmd.member_concurrent.name": "membro_simultâneos",
	"cmd.member_cooldown_seconds.name": "membro_intervalo_segundos",
	"cmd.time_zone.name": "fuso_horário",
	"cmd.time_zone.description": "Quando viram os dias e os meses, ex.: America/Sao_Paulo (UTC para voltar)",
	"cmd.channels.name": "canais",
	"cmd.channels.description": "Onde é possível criar vídeos (nenhum na lista: em todo lugar)",
	"cmd.allow.name": "permitir",
	"cmd.allow.description": "Permitir vídeos em um canal",
	"cmd.disallow.name": "proibir",
	"cmd.disallow.description": "Tirar um canal da lista de permitidos",
	"cmd.channels_clear.description": "Permitir vídeos em todos os canais de novo",
	"cmd.channels_list.description": "Mostrar os canais permitidos",
	"cmd.channel.name": "canal",
	"cmd.channel.description": "Canal",
	"cmd.roles.name": "cargos",
	"cmd.roles.description": "Quais cargos podem criar vídeos e quais não têm limites",
	"cmd.require.name": "exigir",
	"cmd.require.description": "Só membros com um cargo exigido podem criar vídeos",
	"cmd.exempt.name": "isentar",
	"cmd.exempt.description": "Membros com este cargo não têm limites",
	"cmd.roles_remove.description": "Tirar um cargo das duas listas",
	"cmd.roles_list.description": "Mostrar os cargos exigidos e isentos",
	"cmd.role.name": "cargo",
	"cmd.role.description": "Cargo",
	"cmd.blocklist.name": "bloqueios",
	"cmd.blocklist.description": "Palavras e padrões /regex/ que os prompts não podem conter",
	"cmd.add.name": "adicionar",
	"cmd.blocklist_add.description": "Bloquear uma palavra, uma frase ou uma /regex/",
	"cmd.blocklist_remove.description": "Desbloquear uma entrada",
	"cmd.blocklist_list.description": "Mostrar a lista de bloqueios",
	"cmd.entry.name": "entrada",
	"cmd.entry.description": "Uma palavra, uma frase ou /padrão/",
	"cmd.entry.description_listed": "A entrada como aparece na lista",
	"cmd.ban.name": "banir",
	"cmd.ban.description": "Impedir um membro de criar vídeos",
	"cmd.unban.name": "desbanir",
	"cmd.unban.description": "Deixar um membro criar vídeos de novo",
	"cmd.user.name": "membro",
	"cmd.user.description": "Membro",
	"cmd.user.description_reset": "Membro (deixe vazio para o servidor inteiro)",
	"cmd.log_channel.name": "canal-de-registro",
	"cmd.log_channel.description": "Onde pedidos, resultados e mudanças são registrados",
	"cmd.set.name": "definir",
	"cmd.log_channel_set.description": "Registrar em um canal",
	"cmd.log_channel_clear.description": "Parar de registrar",
	"cmd.usage.name": "uso",
	"cmd.usage.description": "Uso de hoje e deste mês, membros mais ativos",
	"cmd.reset.name": "zerar",
	"cmd.reset.description": "Zerar o uso de hoje de um membro ou do servidor inteiro",
	"cmd.settings.name": "configurações",
	"cmd.settings.description": "Todas as configurações de relance, e o idioma do servidor",
	"cmd.show.name": "mostrar",
	"cmd.show.description": "Todas as configurações de relance",
	"cmd.language.name": "idioma",
	"cmd.language.description": "O idioma das mensagens públicas: resultados, falhas e registro de auditoria",
	"cmd.language.option": "Um idioma, ou seguir o idioma do Discord do servidor",
	"cmd.language.auto": "Seguir o idioma do Discord do servidor",
	"cmd.clear.name": "limpar",
	"cmd.list.name": "listar",
	"cmd.remove.name": "remover",
} as const satisfies Catalogue;
