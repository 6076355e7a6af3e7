import type { Catalogue } from "../catalogue.js";
import type { LanguageInfo } from "../languageInfo.js";

/** 日本語. Japanese has one plural form, so counted sentences give only `other`. */
/** The language's code, its own name, and the Discord locales that read it. */
export const language = {
	code: "ja",
	name: "日本語",
	discordLocales: ["ja"],
} as const satisfies LanguageInfo;

export const messages = {
	"failure.bad_request":
		"動画プロバイダーがこのリクエストを受け付けませんでした。プロンプトと画像を確認して、もう一度お試しください。",
	"failure.invalid_token":
		"ボットのプロバイダーキーが拒否されました。サーバー管理者がプロバイダーキーを確認する必要があります。",
	"failure.token_expired":
		"ボットのプロバイダーキーの有効期限が切れています。サーバー管理者が更新する必要があります。",
	"failure.disabled":
		"ボットのプロバイダーアカウントが無効になっています。サーバー管理者が確認する必要があります。",
	"failure.no_credits":
		"動画プロバイダーのクレジットを使い切りました。サーバー管理者がアカウントにチャージする必要があります。",
	"failure.moderated":
		"プロバイダーのモデレーションにより、このプロンプトまたは画像は拒否されました。表現を変えてお試しください。",
	"failure.not_found":
		"動画プロバイダーがこのリクエストを認識できませんでした。サーバー管理者がプロバイダーの設定を確認する必要があります。",
	"failure.too_many_requests": "動画プロバイダーが混み合っています。1分ほどしてからもう一度お試しください。",
	"failure.unavailable":
		"動画プロバイダーは現在新しい動画を受け付けていません。数分後にもう一度お試しください。",
	"failure.api_error":
		"この動画の作成中に動画プロバイダーで問題が発生しました。数分後にもう一度お試しください。",
	"failure.timeout":
		"動画プロバイダーの応答に時間がかかりすぎたため、この動画が開始されたかどうかボットには分かりません。再送信はしていません。数分後にもう一度お試しください。",
	"failure.unreachable": "ボットが動画プロバイダーに接続できませんでした。数分後にもう一度お試しください。",
	"failure.network": "動画プロバイダーとの接続が切れました。数分後にもう一度お試しください。",
	"failure.invalid_response":
		"動画プロバイダーから、ボットが読み取れない応答が返ってきました。しばらくしてからもう一度お試しください。",
	"failure.failed":
		"動画プロバイダーはこの動画を作成できませんでした。別のプロンプトなどで、もう一度お試しください。",
	"failure.no_output":
		"動画プロバイダーは処理を終えましたが、動画が返ってきませんでした。もう一度お試しください。",
	"failure.unknown": "動画プロバイダーがリクエストを拒否しました。しばらくしてからもう一度お試しください。",
	"failure.internal":
		"この動画の開始中にボット側で問題が発生しました。記録済みです。もう一度お試しください。",
	"failure.timeout_waiting":
		"プロバイダーが{minutes}分以内にこの動画を完成させなかったため、ボットは待つのをやめました。もう一度お試しください。繰り返し起こる場合は、プロバイダーが混雑している可能性があります。",
	"failure.interrupted_while_submitting":
		"このリクエストの送信中にボットが再起動したため、プロバイダーが受け取ったかどうか分かりません。二重に支払わないよう、再送信はしていません。動画が届かない場合はコマンドをもう一度実行してください。",
	"failure.interrupted_before_start":
		"このリクエストが始まる前にボットが再起動しました。何も送信・請求されていません。コマンドをもう一度実行してください。",
	"failure.not_started": "このリクエストは開始されませんでした。何も送信・請求されていません。",
	"failure.provider_not_configured":
		"この動画は{provider}で作成中でしたが、このボットはもう{provider}を使っていないため完成できません。回数は戻しました。コマンドをもう一度実行してください。",
	"failure.none": "動画を作成できませんでした。",
	"failure.nothing_charged": "{reason}料金は発生していません。",

	"refusal.unsupported_option":
		"このボットの動画プロバイダーである{provider}は、{feature}に対応していません。そのオプションを外してコマンドを実行し直してください。",
	"refusal.unsupported_option_value":
		"このボットの動画プロバイダーである{provider}は、{feature}（{value}）に対応していません。そのオプションを外してコマンドを実行し直してください。",
	"refusal.extend_unsupported": "{provider}は動画を延長できないため、このクリップの続きは作れません。",
	"refusal.extend_by_url_unsupported":
		"{provider}が延長できるのは、自分で作成した動画だけです。リンクではなく、このサーバーの動画から選んでください。",
	"refusal.extend_end_frame_unsupported":
		"{provider}は延長時に終了フレームを使えません。終了フレームを外してコマンドを実行し直してください。",
	"refusal.extend_backward_unsupported":
		"{provider}は前方向にしか延長できません。方向の指定を外してコマンドを実行し直してください。",
	"refusal.extend_option":
		"{provider}が延長時に受け付けるのはプロンプトと終了フレームだけで、{feature}は使えません。そのオプションを外してコマンドを実行し直してください。",
	"refusal.extend_start_frame":
		"延長はクリップの終わりから始まるため、開始フレームは指定できません。開始フレームを外してコマンドを実行し直してください。",
	"refusal.extend_target_missing":
		"延長する動画を指定してください。一覧から選ぶか、動画IDまたはリンクを貼り付けてください。",
	"refusal.extend_backward_end_frame":
		"動画へとつながるクリップはその動画で終わるため、終了フレームは指定できません。どちらか一方を外してください。",
	"refusal.extend_provider_not_configured":
		"このクリップは{provider}で作成されましたが、このボットはもう使っていないため延長できません。新しい動画を作成してください。",
	"refusal.provider_account":
		"{provider}がボットのアカウントを拒否したため、現在動画を作成できません。サーバー管理者がプロバイダーキーを確認する必要があります。しばらくしてからもう一度お試しください。",
	"refusal.provider_account_credits":
		"このボットの{provider}のクレジットを使い切ったため、現在動画を作成できません。サーバー管理者には通知済みです。しばらくしてからもう一度お試しください。",
	"refusal.prompt_language":
		"{provider}は英語のプロンプトしか受け付けません。プロンプトを英語で書き直して、もう一度お試しください。",
	"refusal.model_unknown": "モデル{model}はここでは使えません。一覧から選んでください。",
	"refusal.duration_text_only":
		"{duration}のクリップはプロンプトだけで作成する必要があります。フレームを外すか、短いクリップを選んでください。",
	"refusal.loop_duration":
		"{duration}のクリップはループにできません。ループをオフにするか、短いクリップを選んでください。",
	"refusal.delete_gone": "その動画はすでに削除されています。",
	"refusal.delete_not_allowed":
		"この動画を削除できるのは、リクエストした本人か「メッセージの管理」権限を持つメンバーだけです。",
	"refusal.link_provider_not_configured":
		"この動画は{provider}で作成されましたが、このボットはもう使っていないため、新しいリンクを取得できません。",
	"refusal.link_unavailable":
		"この動画の新しいリンクはもう取得できません。上にアップロードされたファイルは引き続き再生できます。",
	"refusal.generic": "このリクエストは、ボットの動画プロバイダーでは実行できません。",
	"refusal.prompt_empty":
		"プロンプトが空です。作りたい動画を説明してください。例：*雨の通りを流れていく紙の舟*",
	"refusal.prompt_too_long":
		"プロンプトが{length}文字あります。上限は{max}文字です。短くしてもう一度お試しください。",
	"refusal.extend_prompt_missing":
		"次のパートのプロンプトを書いてください。その動画には再利用できる以前のプロンプトがありません。",
	"refusal.frame_too_large":
		"{frame}のサイズは{size}です。フレームは最大{max}までです。小さい画像を添付してください。",
	"refusal.frame_unreadable": "{frame}をDiscordから読み込めませんでした。もう一度添付してお試しください。",
	"refusal.frame_not_image":
		"{frame}（{filename}）はPNG、JPEG、WebPのいずれの画像でもありません。これらの形式の画像を添付してください。",
	"refusal.server_only": "動画はサーバー内でのみ作成できます。",
	"refusal.quota_server_only": "上限はサーバーごとに適用されます。このコマンドはサーバー内で使ってください。",
	"refusal.admin_server_only": "このコマンドはサーバー内でのみ使えます。",
	"refusal.blocked_prompt":
		"プロンプトに、このサーバーで許可されていない「{word}」が含まれています。言い換えてもう一度お試しください。",
	"refusal.banned":
		"あなたはこのサーバーで動画の作成を禁止されています。間違いだと思う場合はサーバー管理者に相談してください。",
	"refusal.channel": {
		"=0": "このチャンネルでは動画を作成できません。次のいずれかを使ってください：{channels}",
		other: "このチャンネルでは動画を作成できません。次のいずれかを使ってください：{channels} ほか{count}件",
	},
	"refusal.role": {
		"=0": "動画を作成するには、次のいずれかのロールが必要です：{roles}。入手方法はサーバー管理者に聞いてください。",
		other:
			"動画を作成するには、次のいずれかのロールが必要です：{roles} ほか{count}件。入手方法はサーバー管理者に聞いてください。",
	},
	"refusal.guild_monthly": {
		other:
			"このサーバーは今月{count}本中{used}本の動画を使いました。上限は{resets}にリセットされます。さらに必要な場合はサーバー管理者に相談してください。",
	},
	"refusal.guild_daily": {
		other:
			"このサーバーは今日{count}本中{used}本の動画を使いました。上限は{resets}にリセットされます。その後にもう一度お試しください。",
	},
	"refusal.user_daily": {
		other:
			"あなたは今日{count}本中{used}本の動画を使いました。上限は{resets}にリセットされます。さらに必要な場合はサーバー管理者に相談してください。",
	},
	"refusal.user_concurrent": {
		other: "すでに{count}本の動画を作成中です（上限{limit}本）。完了するまでお待ちください。",
	},
	"refusal.guild_concurrent": {
		other:
			"このサーバーでは{count}本の動画を作成中です（上限{limit}本）。どれかが完了してからお試しください。",
	},
	"refusal.cooldown": "少し待ってください。次の動画は{resets}に開始できます（待ち時間{seconds}秒）。",
	"refusal.video_other_server": "その動画は別のサーバーのものなので、ここでは延長できません。",
	"refusal.video_deleted": "その動画は削除されているため延長できません。別の動画を選んでください。",
	"refusal.video_failed": "その動画は失敗したため、延長するものがありません。完成した動画を選んでください。",
	"refusal.video_in_progress": "その動画はまだ作成中です。完成してから延長してください。",
	"refusal.extension_repeated":
		"同じ延長をたった今リクエストしたため、すでに作成中です。チャンネルで確認してください。別の延長を作るにはプロンプトを変えてください。",
	"refusal.video_unknown": "ボットはその動画をもう把握していないため、延長できません。",
	"refusal.link_other_server":
		"そのリンクは別のサーバーのメッセージを指しています。このサーバーの動画へのリンクを使ってください。",
	"refusal.link_no_video":
		"そのメッセージにはこのボットの動画がありません。完成した動画が表示されているメッセージへのリンクを使ってください。",
	"refusal.bad_url": "そのリンクは有効なURLではありません。動画の完全なアドレスを貼り付けてください。",
	"refusal.unknown_video_id":
		"ID `{id}` の動画はここでは見つかりません。一覧から選ぶか、結果に表示されている動画IDを貼り付けてください。",
	"refusal.extend_missing_permissions":
		"このチャンネルには投稿できません（不足: {permissions}）。延長はここで専用のメッセージから始まります。管理者にこのチャンネルでの権限を付与してもらうか、別のチャンネルで延長してください。",
	"refusal.extend_needs_channel": "延長はサーバーのチャンネルでのみ開始できます。",
	"refusal.cannot_post":
		"このチャンネルに投稿できません。ここでは「チャンネルを見る」「メッセージを送信」「埋め込みリンク」の権限が必要です。",
	"refusal.not_bot_message":
		"そのメッセージはこのボットのものではありません。ボットが投稿した完成済みの動画で「動画を延長」を使ってください。",
	"refusal.no_video_in_message":
		"そのメッセージにはこのボットの動画がありません。完成済みの動画で「動画を延長」を使ってください。",
	"refusal.command_gone":
		"このコマンドはもう使えません。Discordがまだコマンド一覧を更新している途中かもしれません。",
	"refusal.control_gone": "このボタンはもう使われていません。",
	"refusal.form_gone": "このフォームは古くなっています。閉じてから、動画の「延長」をもう一度押してください。",
	"refusal.subcommand_unavailable":
		"/luma のこの機能は、ボットの現在の動画プロバイダーでは使えません。Discordがまだコマンド一覧を更新している途中かもしれません。",
	"refusal.bad_time_zone":
		"「{zone}」はタイムゾーンではありません。Asia/Tokyo や America/New_York のような名前、または UTC を使ってください。",
	"refusal.blocklist_pattern_too_long": "この項目は使えません：パターンは最大{max}文字までです。",
	"refusal.blocklist_bad_flag":
		"この項目は使えません：フラグ「{flag}」は使えません。i、m、s、u のいずれかを使ってください。",
	"refusal.blocklist_unsupported":
		"この項目は使えません：パターンは線形時間のエンジンで動作するため、後方参照や先読み・後読みは使えません（{error}）。",
	"refusal.blocklist_does_not_compile": "この項目は使えません：パターンをコンパイルできません（{error}）。",
	"refusal.blocklist_matches_everything":
		"この項目は使えません：このパターンはすべてのプロンプトに一致します。",
	"refusal.blocklist_empty": "この項目は使えません：空です。",
	"refusal.blocklist_word_too_long": "この項目は使えません：単語やフレーズは最大{max}文字までです。",
	"error.generic": "こちら側で問題が発生しました。記録済みです。少ししてからもう一度お試しください。",
	"error.shutting_down": "ボットを再起動しています。1分ほどしてからもう一度お試しください。",

	"provider.unknown": "動画プロバイダー",
	"feature.aspect_ratio": "アスペクト比の指定",
	"feature.loop": "ループ動画",
	"feature.enhance": "プロンプトの補正",
	"feature.start_frame": "開始フレーム",
	"feature.end_frame": "終了フレーム",
	"feature.model": "そのモデル",
	"feature.duration": "そのクリップの長さ",
	"feature.resolution": "その解像度",
	"frame.start": "開始フレーム",
	"frame.end": "終了フレーム",

	"job.title_generate": "動画を作成中",
	"job.title_extend": "動画を延長中",
	"job.title_ready": "動画が完成しました",
	"job.title_extended": "動画を延長しました",
	"job.title_failed": "動画の作成に失敗しました",
	"job.state": "状態",
	"job.state_queued": "⏳ 順番待ち",
	"job.state_running": "🎬 生成中",
	"job.started": "開始",
	"job.options": "オプション",
	"job.options_default": "デフォルトのオプション",
	"job.option_backward": "クリップへつながる",
	"job.option_loop": "ループ",
	"job.option_enhance_on": "プロンプト補正オン",
	"job.option_enhance_off": "プロンプト補正オフ",
	"job.requested_by": "リクエスト",
	"job.credits": "クレジット",
	"job.credits_own": "{user}が自分のクリップを延長",
	"job.credits_other": "{user}が{parent}のクリップを延長",
	"job.credits_elsewhere": "{user}が[他の場所で作られた動画]({url})を延長",
	"job.chain": "シリーズ",
	"job.chain_part": "このシリーズのパート{part}",
	"job.chain_part_link": "[このシリーズ]({url})のパート{part}",
	"job.start_frame": "開始フレーム",
	"job.end_frame": "終了フレーム",
	"job.resolution": "解像度",
	"job.made_in": "作成時間",
	"job.made_with": "作成に使用",
	"job.made_with_failover": "{made}（{from}が利用できなかったため）",
	"job.video_id": "動画ID",
	"job.video": "動画",
	"job.too_large":
		"このチャンネルにアップロードするには大きすぎます。**リンクを取得**で新しいダウンロードリンクを取得してください。",
	"job.delivered_by_dm": "<#{channel}> の動画です。そちらには投稿できませんでした。",
	"job.delivered_to_log":
		"<@{user}> さんへのこの動画は、<#{channel}> に投稿することも、直接送ることもできませんでした。",
	"job.channel_note":
		"お知らせ: このチャンネルには自分で投稿できません（不足: {permissions}）。15分以内に完成すればここに表示されます。それ以降はダイレクトメッセージでお送りします。",
	"job.prompt": "プロンプト",
	"job.footer": "ジョブ {id}",
	"job.footer_options": "ジョブ {id} · {options}",
	"job.button_extend": "延長",
	"job.button_link": "リンクを取得",
	"job.button_open": "動画を開く",
	"job.button_delete": "削除",
	"job.just_now": "たった今",

	"extend.modal_title": "この動画を延長",
	"extend.modal_label": "次に何が起こりますか？",
	"extend.modal_hint": "空欄のままにすると、クリップのプロンプトを再利用します。",
	"extend.follow": "クリップを延長しています。こちらで確認できます：{url}",
	"reply.deleted": "動画を削除しました。今後は延長できません。",
	"reply.already_deleted": "この動画はすでに削除されています。",
	"reply.fresh_link": "動画の新しいリンクです（約1時間有効）：{url}",

	"quota.exempt": "あなたのロールは免除されているため、上限は適用されません。",
	"quota.you_today": "**あなた（今日）：** {left}",
	"quota.server_today": "**サーバー（今日）：** {left}",
	"quota.server_month": "**サーバー（今月）：** {left}",
	"quota.left": "{limit}本中 **{remaining}** 本残り",
	"quota.unlimited": "上限なし（{used}本使用）",
	"quota.in_progress": "**作成中：** あなた {user}、サーバー {guild}",
	"quota.cooldown": "**待ち時間：** 残り{seconds}秒",
	"quota.resets": "1日の上限は{day}、1か月の上限は{month}にリセットされます（{zone}）。",

	"limit.guildDaily": "1日あたりの動画数（サーバー）",
	"limit.guildMonthly": "1か月あたりの動画数（サーバー）",
	"limit.guildMaxConcurrent": "同時に作成できる動画数（サーバー）",
	"limit.userDaily": "1日あたりの動画数（メンバーごと）",
	"limit.userMaxConcurrent": "同時に作成できる動画数（メンバーごと）",
	"limit.userCooldownSeconds": "リクエスト間の待ち時間（秒、メンバーごと）",
	"admin.no_limit": "上限なし",
	"admin.limits_heading": "**上限**",
	"admin.limit_line": "- {name}：**{value}**",
	"admin.limit_line_default": "- {name}：**{value}**（デフォルト）",
	"admin.time_zone_line": "- 日付と月は **{zone}** の午前0時に切り替わります",
	"admin.limit_change": "{name}：{value}",
	"admin.time_zone_change": "タイムゾーン：{zone}",
	"admin.limits_updated": "上限を更新しました：{changes}",
	"admin.channels_line": "**チャンネル：** {channels}",
	"admin.every_channel": "すべてのチャンネル",
	"admin.required_roles_line": "**必須ロール：** {roles}",
	"admin.no_required_roles": "なし（誰でも動画を作成できます）",
	"admin.exempt_roles_line": "**免除ロール：** {roles}",
	"admin.banned_line": "**禁止されたメンバー：** {users}",
	"admin.blocklist_line": "**ブロックリスト：** {entries}",
	"admin.blocklist_empty": "空",
	"admin.audit_line": "**監査ログ：** {channel}",
	"admin.audit_off": "オフ",
	"admin.language_line": "**言語：** {language}",
	"admin.language_auto": "サーバーのDiscordの言語（現在は{language}）",
	"admin.none": "なし",
	"admin.usage_today": { other: "**今日：** {count}本（{resets}にリセット）" },
	"admin.usage_month": { other: "**今月：** {count}本（{resets}にリセット）" },
	"admin.usage_in_progress": "**作成中：** {count}",
	"admin.usage_top": "**今日よく使ったメンバー：**",
	"admin.usage_nobody": "まだいません",
	"admin.already_listed": "{label}はすでに一覧にあります。変更はありません。",
	"admin.not_listed": "{label}は一覧にありません。変更はありません。",
	"admin.allowedChannels_added": "{label}で動画を作成できるようになりました。",
	"admin.allowedChannels_removed": "{label}では動画を作成できなくなりました。",
	"admin.requiredRoles_added": "メンバーには必須ロールが必要になりました。追加：{label}",
	"admin.requiredRoles_removed": "必須ロールから外しました：{label}",
	"admin.exemptRoles_added": "{label}には上限が適用されなくなりました。",
	"admin.exemptRoles_removed": "{label}に再び上限が適用されます。",
	"admin.bannedUsers_added": "動画の作成を禁止しました：{label}",
	"admin.bannedUsers_removed": "再び動画を作成できるようになりました：{label}",
	"admin.blocklist_added": "プロンプトに{label}を含められなくなりました。",
	"admin.blocklist_removed": "プロンプトに再び{label}を含められるようになりました。",
	"admin.channels_cleared": "再びすべてのチャンネルで動画を作成できるようになりました。",
	"admin.role_not_listed": "{role}は必須ロールでも免除ロールでもありません。変更はありません。",
	"admin.role_removed": "{role}は必須ロールでも免除ロールでもなくなりました。",
	"admin.log_channel_set": "監査ログの送信先を{channel}にしました。",
	"admin.log_channel_off": "監査ログをオフにしました。",
	"admin.reset_user": "{user}の今日の使用数をリセットしました。",
	"admin.reset_server": "サーバー全体の今日の使用数をリセットしました。",
	"admin.language_set": "公開メッセージの言語を{language}にしました。",
	"admin.language_cleared": "公開メッセージはサーバーのDiscordの言語に従うようになりました。",
	"admin.channels_list": "動画を作成できるチャンネル：{channels}",
	"admin.channels_everywhere": "すべてのチャンネルで動画を作成できます。",
	"admin.roles_list": "必須ロール：{required}\n免除ロール：{exempt}",
	"admin.blocklist_list": "ブロック中：{entries}",
	"admin.blocklist_list_empty": "ブロックリストは空です。",

	"audit.extension_requested": "延長のリクエスト",
	"audit.video_requested": "動画のリクエスト",
	"audit.video_deleted": "動画の削除",
	"audit.video_made": "動画の完成",
	"audit.video_failed": "動画の失敗",
	"audit.prompt_blocked": "プロンプトをブロック",
	"audit.banned_refused": "禁止メンバーを拒否",
	"audit.provider_refused": "動画プロバイダーがボットのアカウントを拒否",
	"audit.settings_changed": "設定の変更",
	"audit.by": "実行者",
	"audit.channel": "チャンネル",
	"audit.message": "メッセージ",
	"audit.reason": "理由",
	"audit.deleted_by": "削除した人",
	"audit.matched": "一致した語",
	"audit.provider": "プロバイダー",

	"cmd.luma.description": "Lumaで短いAI動画を作成します",
	"cmd.generate.name": "生成",
	"cmd.generate.description": "プロンプトから動画を作成します",
	"cmd.generate.description_frames":
		"プロンプトから動画を作成します（開始フレームと終了フレームの指定も可能）",
	"cmd.prompt.name": "プロンプト",
	"cmd.generate.prompt": "動画の中で起こること",
	"cmd.start_frame.name": "開始フレーム",
	"cmd.start_frame.description": "最初のフレームに使う画像（PNG、JPEG、WebP）",
	"cmd.end_frame.name": "終了フレーム",
	"cmd.end_frame.description": "最後のフレームに使う画像（PNG、JPEG、WebP）",
	"cmd.aspect_ratio.name": "アスペクト比",
	"cmd.aspect_ratio.description": "動画の縦横比（デフォルト {default}）",
	"cmd.loop.name": "ループ",
	"cmd.loop.description": "動画を継ぎ目なくループさせます",
	"cmd.enhance.name": "プロンプト補正",
	"cmd.enhance.description": "プロバイダーにプロンプトを改善してもらいます",
	"cmd.model.name": "モデル",
	"cmd.model.description": "動画モデル（デフォルト {default}）",
	"cmd.duration.name": "長さ",
	"cmd.duration.description": "クリップの長さ（デフォルト {default}）",
	"cmd.resolution.name": "解像度",
	"cmd.resolution.description": "クリップの解像度（デフォルト {default}）",
	"cmd.extend.name": "延長",
	"cmd.extend.description": "新しいプロンプトで動画の続きを作ります。誰のクリップでも誰でも延長できます",
	"cmd.video.name": "動画",
	"cmd.video.description": "最近の動画、その動画ID、またはボットのメッセージへのリンク",
	"cmd.video.description_url": "最近の動画、その動画ID、ボットのメッセージへのリンク、または動画のURL",
	"cmd.extend.prompt": "次に起こること（デフォルト：クリップのプロンプト）",
	"cmd.direction.name": "方向",
	"cmd.direction.description": "クリップの後に続ける（デフォルト）か、クリップへつながるパートを作ります",
	"cmd.direction.forward": "クリップの後",
	"cmd.direction.backward": "クリップの前",
	"cmd.quota.name": "残り回数",
	"cmd.quota.description": "あなたとこのサーバーの残りの動画数と、上限がリセットされる時期",
	"cmd.extend_video.name": "動画を延長",

	"cmd.admin.description": "動画を作成できる人、場所、本数を設定します",
	"cmd.limits.name": "上限",
	"cmd.limits.description": "上限を設定します（0 = 上限なし）。オプションなしで現在の値を表示します",
	"cmd.server_daily.name": "サーバー日次",
	"cmd.server_monthly.name": "サーバー月次",
	"cmd.server_concurrent.name": "サーバー同時",
	"cmd.member_daily.name": "メンバー日次",
	"cmd.member_concurrent.name": "メンバー同時",
	"cmd.member_cooldown_seconds.name": "メンバー待機秒数",
	"cmd.time_zone.name": "タイムゾーン",
	"cmd.time_zone.description": "日付と月が切り替わるタイムゾーン。例：Asia/Tokyo（UTCで元に戻す）",
	"cmd.channels.name": "チャンネル",
	"cmd.channels.description": "動画を作成できる場所（指定なし：どこでも）",
	"cmd.allow.name": "許可",
	"cmd.allow.description": "チャンネルで動画の作成を許可します",
	"cmd.disallow.name": "許可取消",
	"cmd.disallow.description": "許可リストからチャンネルを外します",
	"cmd.channels_clear.description": "再びすべてのチャンネルで動画の作成を許可します",
	"cmd.channels_list.description": "許可されているチャンネルを表示します",
	"cmd.channel.name": "チャンネル",
	"cmd.channel.description": "チャンネル",
	"cmd.roles.name": "ロール",
	"cmd.roles.description": "動画を作成できるロールと、上限のないロール",
	"cmd.require.name": "必須",
	"cmd.require.description": "必須ロールを持つメンバーだけが動画を作成できるようにします",
	"cmd.exempt.name": "免除",
	"cmd.exempt.description": "このロールを持つメンバーには上限を適用しません",
	"cmd.roles_remove.description": "両方のリストからロールを外します",
	"cmd.roles_list.description": "必須ロールと免除ロールを表示します",
	"cmd.role.name": "ロール",
	"cmd.role.description": "ロール",
	"cmd.blocklist.name": "ブロックリスト",
	"cmd.blocklist.description": "プロンプトに含めてはいけない語句と /regex/ パターン",
	"cmd.add.name": "追加",
	"cmd.blocklist_add.description": "単語、フレーズ、または /regex/ をブロックします",
	"cmd.blocklist_remove.description": "項目のブロックを解除します",
	"cmd.blocklist_list.description": "ブロックリストを表示します",
	"cmd.entry.name": "項目",
	"cmd.entry.description": "単語、フレーズ、または /パターン/",
	"cmd.entry.description_listed": "一覧に表示されているとおりの項目",
	"cmd.ban.name": "禁止",
	"cmd.ban.description": "メンバーの動画作成を禁止します",
	"cmd.unban.name": "禁止解除",
	"cmd.unban.description": "メンバーが再び動画を作成できるようにします",
	"cmd.user.name": "メンバー",
	"cmd.user.description": "メンバー",
	"cmd.user.description_reset": "メンバー（空欄でサーバー全体）",
	"cmd.log_channel.name": "ログチャンネル",
	"cmd.log_channel.description": "リクエスト、結果、変更を記録する場所",
	"cmd.set.name": "設定",
	"cmd.log_channel_set.description": "チャンネルに記録します",
	"cmd.log_channel_clear.description": "記録をやめます",
	"cmd.usage.name": "使用状況",
	"cmd.usage.description": "今日と今月の使用状況、よく使ったメンバー",
	"cmd.reset.name": "リセット",
	"cmd.reset.description": "メンバーまたはサーバー全体の今日の使用数をリセットします",
	"cmd.settings.name": "設定一覧",
	"cmd.settings.description": "すべての設定の一覧と、サーバーの言語",
	"cmd.show.name": "表示",
	"cmd.show.description": "すべての設定を一覧表示します",
	"cmd.language.name": "言語",
	"cmd.language.description": "公開メッセージ（結果、失敗、監査ログ）の言語",
	"cmd.language.option": "言語、またはサーバーのDiscordの言語に従う",
	"cmd.language.auto": "サーバーのDiscordの言語に従う",
	"cmd.clear.name": "クリア",
	"cmd.list.name": "一覧",
	"cmd.remove.name": "削除",
} as const satisfies Catalogue;
