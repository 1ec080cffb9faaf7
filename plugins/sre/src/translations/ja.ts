import { createTranslationMessages } from '@backstage/frontend-plugin-api';
import { sreTranslationRef } from '../translation';

/** Baton's messages in Japanese; `full` makes the compiler ask for every key. */
const ja = createTranslationMessages({
  ref: sreTranslationRef,
  full: true,
  messages: {
    'common.duration.minutes': '{{value}}分',
    'common.duration.hours': '{{value}}時間',
    'common.duration.days': '{{value}}日',
    'common.partSeparator': ' / ',
    'common.dismiss': '閉じる',
    'common.people.baton': 'Baton（スケジュール実行）',
    'common.people.service': '{{name}}（サービス）',
    'common.missingAnnotation.title': 'アノテーションがありません',
    'common.missingAnnotation.description':
      'アノテーション {{annotation}} がありません。使うにはエンティティに追加してください。',
    'common.missingAnnotation.example':
      '次のハイライト行のように、エンティティの YAML にアノテーションを追加してください:',
    'common.missingAnnotation.readMore': '詳しく見る',

    'slo.card.title': 'SLO（サービスレベル目標）',
    'slo.card.subheader': '定義ファイル: {{file}}',
    'slo.card.listLabel': 'SLO 一覧',
    'slo.card.noSlosTitle': 'SLO が見つかりません',
    'slo.card.noSlosDescription':
      '{{file}} に OpenSLO の SLO 定義がありません。kind: SLO のドキュメントを追加するか、{{annotation}} を SLO が定義されたファイルに向けてください。',
    'slo.card.backfillingTitle': 'SLI の履歴を読み込み中',
    'slo.card.backfillingDescription':
      '{{file}} の SLO を初めて評価しています。SLI の履歴をソースから読み込み中です。1 分ほどしてから再読み込みしてください。',
    'slo.alertState.page.label': '呼び出し',
    'slo.alertState.page.explanation':
      '呼び出しルールが発火中: 長短どちらのウィンドウでもエラーバジェットを急速に消費しています。',
    'slo.alertState.ticket.label': 'チケット',
    'slo.alertState.ticket.explanation':
      'チケットルールが発火中: 長短どちらのウィンドウでもエラーバジェットを着実に消費しています。',
    'slo.alertState.ok.label': '正常',
    'slo.alertState.ok.explanation': '発火中のアラートルールはありません。',
    'slo.alertState.unknown.label': 'データなし',
    'slo.alertState.unknown.explanation':
      'ルールのウィンドウ内のトラフィックが少なく、アラートが発火するか判断できません。',
    'slo.status.budget-exhausted.label': 'バジェット枯渇',
    'slo.status.budget-exhausted.explanation':
      'このウィンドウのエラーバジェットを使い切りました（残り {{remaining}}）。',
    'slo.status.below-objective.label': '目標未達',
    'slo.status.below-objective.explanation':
      'SLI {{sli}} が目標 {{objective}} を下回っています。',
    'slo.status.burning.label': '消費中',
    'slo.status.burning.explanation':
      'バーンレートのアラートルールが発火中: {{rules}}。',
    'slo.status.burning.explanationSeverity':
      '{{severity}}のバーンレートアラートルールが発火中です。',
    'slo.status.ok.label': '正常',
    'slo.status.ok.explanation':
      '目標とエラーバジェットの範囲内で、発火中のバーンレートアラートルールはありません。',
    'slo.status.ok.explanationUnjudged':
      '目標とエラーバジェットの範囲内です。直近のトラフィックが少なく、すべてのバーンレートアラートルールは判定できません。',
    'slo.status.no-data.label': 'データなし',
    'slo.status.no-data.explanation':
      'ウィンドウ内にまだトラフィックがなく、判定できません。',
    'slo.budget.label': 'エラーバジェット残量',
    'slo.budget.left': 'エラーバジェット残り {{share}}',
    'slo.budget.spent': 'エラーバジェットを使い切りました',
    'slo.budget.overspent': 'エラーバジェットを {{share}} 超過',
    'slo.budget.unknown': 'エラーバジェット不明: まだトラフィックがありません',
    'slo.burnRate.groupLabel': 'バーンレート',
    'slo.burnRate.explainRate':
      '直近 {{window}} のバーンレート: {{rate}}（SLO のウィンドウでちょうどエラーバジェットを使い切るペースを ×1 とした倍率）。',
    'slo.burnRate.explainNoTraffic':
      '直近 {{window}} はトラフィックがありません。',
    'slo.burnRate.withThreshold':
      '{{explanation}}このウィンドウの{{severity}}ルールは {{threshold}} を超えると発火します。',
    'slo.burnRate.severity.page': '呼び出し',
    'slo.burnRate.severity.ticket': 'チケット',
    'slo.window.rolling': '{{window}}（ローリング）',
    'slo.window.calendar': '{{window}}（カレンダー）',
    'slo.unit.Occurrences': 'イベント',
    'slo.unit.Timeslices': 'タイムスライス',
    'slo.units.Occurrences': 'イベント',
    'slo.units.Timeslices': 'タイムスライス',
    'slo.row.sli': 'SLI {{sli}}（目標 {{objective}}）',
    'slo.row.noTraffic': 'SLI: まだトラフィックなし（目標 {{objective}}）',
    'slo.row.exhaustion': 'エラーバジェット枯渇まで {{times}}',
    'slo.row.exhaustionAt': '{{duration}}（{{window}} のバーンレート）',
    'slo.row.lowTraffic': '低トラフィック',
    'slo.row.lowTrafficExplanation':
      '不良{{unit}}が 1 件あるだけでエラーバジェットの 1% 以上を消費するため、失敗のたびに数値が大きく動きます。',
    'slo.row.lowTrafficExplanationShare':
      '不良{{unit}}が 1 件あるだけでエラーバジェットの 1% 以上（ここでは {{share}}）を消費するため、失敗のたびに数値が大きく動きます。',
    'slo.row.lastError':
      '直近の評価に失敗しました: {{error}}（表示中の数値は保存済みのデータによるものです。データの最終時刻: {{until}}）',
    'slo.row.noStoredData': 'なし',
    'slo.row.showDetails': '{{title}} の詳細を表示',
    'slo.row.hideDetails': '{{title}} の詳細を閉じる',
    'slo.chart.title': 'ウィンドウ内のエラーバジェット残量の推移',
    'slo.chart.label': 'エラーバジェットのバーンダウン',
    'slo.chart.empty':
      'バーンダウンはまだありません: このウィンドウのトラフィックがバックエンドにまだ保存されていません。',
    'slo.chart.budgetLeft': 'バジェット残量',
    'slo.why.title': '数値の根拠',
    'slo.why.status': '状態: {{status}}。{{explanation}}',
    'slo.why.definedIn': 'SLO {{name}}（定義ファイル: {{file}}）。',
    'slo.why.counts':
      '{{window}} のウィンドウ（{{start}} 〜 {{end}}）: 良好 {{good}}、不良 {{bad}}、合計 {{total}} {{unit}}。',
    'slo.why.noCounts': 'このウィンドウのデータはまだ保存されていません。',
    'slo.why.sli': 'SLI = 良好 ÷ 合計 = {{sli}}、目標 {{objective}}。',
    'slo.why.budget':
      '現在のトラフィックで目標が許容する不良{{unit}}は {{allowed}} 件です。不良{{unit}} {{bad}} 件で、エラーバジェットの {{consumed}} を消費しました。',
    'slo.why.timeSlices':
      'タイムスライスで計上: {{slice}} ごとのスライスは、イベントの {{target}} 以上が良好なら良好とみなします。',
    'slo.why.step': '{{step}}刻みで集計しています。',
    'slo.why.queriesTitle': 'クエリ',
    'slo.why.queriesLabel': 'SLI のクエリ',
    'slo.why.queryColumns.role': '役割',
    'slo.why.queryColumns.source': 'ソース',
    'slo.why.queryColumns.query': 'クエリ',
    'slo.why.roles.good': '良好イベント',
    'slo.why.roles.bad': '不良イベント',
    'slo.why.roles.total': '全イベント',
    'slo.why.roles.metric': 'メトリクス',
    'slo.why.rulesTitle': 'アラートルール',
    'slo.why.rulesLabel': 'アラートルール',
    'slo.why.ruleColumns.rule': 'ルール',
    'slo.why.ruleColumns.threshold': 'しきい値',
    'slo.why.ruleColumns.longWindow': '長いウィンドウ',
    'slo.why.ruleColumns.shortWindow': '短いウィンドウ',
    'slo.why.ruleColumns.firing': '発火',
    'slo.why.rule': '{{severity}}: {{long}} と {{short}}',
    'slo.why.severity.page': '呼び出し',
    'slo.why.severity.ticket': 'チケット',
    'slo.why.noRate': '{{window}}: トラフィックなし',
    'slo.why.firing': '発火中',
    'slo.why.notFiring': 'なし',
    'slo.why.maintenanceTitle': '集計から除外したメンテナンス',
    'slo.why.noMaintenance': 'このウィンドウにメンテナンスはありません。',
    'slo.why.lastEvaluated': '最終評価: {{at}}',
    'slo.why.neverEvaluated': 'まだ評価されていません。',
    'slo.problems.title': '使用できなかった定義',
    'slo.problems.wholeFile': 'ファイル全体',
    'slo.problems.slo': 'SLO {{name}}',
    'slo.problems.found': '値: {{value}}',
    'slo.problems.expected': '期待される値: {{expected}}',
    'slo.problems.codes.unreadable':
      'ファイルを読み込めませんでした: {{reason}}',
    'slo.problems.codes.yaml':
      'YAML として正しくありません（{{line}} 行目）: {{reason}}',
    'slo.problems.codes.required': '{{field}} がありません。',
    'slo.problems.codes.invalid-type': '{{field}} の型が正しくありません。',
    'slo.problems.codes.invalid-value': '{{field}} の値は使用できません。',
    'slo.problems.codes.unsupported': '{{field}} はサポートされていません。',
    'slo.problems.codes.unknown-reference':
      '{{field}} が参照している {{value}} はこのファイルにありません。',
    'slo.problems.codes.duplicate':
      '{{field}}: {{value}} という名前の SLO がほかにもあります。',
    'slo.problems.codes.no-source':
      '{{field}}: Baton が扱えるメトリクスソースが指定されていません。',

    'readiness.card.title': '育休・休暇への備え',
    'readiness.card.subheader':
      '誰かが休んでも、チームでこのサービスを回せますか？',
    'readiness.card.scoreLabel': '備えスコア',
    'readiness.card.unknownChecks':
      '{{total}} 項目中 {{unknown}} 項目は判定不能（データ未収集）です。スコアは残りの項目で計算しています。',
    'readiness.card.allKnown': '{{total}} 項目すべて判定済みです。',
    'readiness.card.notApplicableChecks_one':
      '{{count}} 項目は対象外（確認するものがない）のため、スコアに含めていません。',
    'readiness.card.notApplicableChecks_other':
      '{{count}} 項目は対象外（確認するものがない）のため、スコアに含めていません。',
    'readiness.card.knowledgeTitle': '誰がコードを知っているか',
    'readiness.card.notScored':
      'まだ集計されていません: バックエンドが定期的にリポジトリの履歴を読み込みます。',
    'readiness.rule.score':
      'スコア = 判定できたチェックのうち合格したものの重み付き割合（判定不能・対象外のチェックはどちらにも数えず、別に表示します）。',
    'readiness.rule.counted':
      'アラートの一次対応はオーナーのメンバーによるものだけを数え、コードを知る人は直近 {{days}} 日間にコミットした人だけを数えます。',
    'readiness.rule.singlePoint':
      '単一障害点: トラック係数が 1（または 0）、アラートの一次対応者が 1 人だけ、または重要なアクセス権の管理者が 1 人だけ（またはゼロ）。',
    'readiness.rule.ready':
      '備えあり: スコアが {{readyScore}} 以上で、重要なチェック（{{checks}}）に不合格・判定不能がないこと。',
    'readiness.rule.readyNoScore':
      '備えあり: スコアが十分に高く、重要なチェック（{{checks}}）に不合格・判定不能がないこと。',
    'readiness.rule.atRisk': 'それ以外は要注意です。',
    'readiness.levels.ready': '備えあり',
    'readiness.levels.at-risk': '要注意',
    'readiness.levels.single-point-of-failure': '単一障害点',
    'readiness.status.pass': '合格',
    'readiness.status.fail': '不合格',
    'readiness.status.unknown': '判定不能',
    'readiness.status.not-applicable': '対象外',
    'readiness.notApplicable': '対象外: {{reason}}',
    'readiness.checksLabel': '備えのチェック項目',
    'readiness.critical': '{{title}}（重要）',
    'readiness.fix': '対策: {{fix}}',
    'readiness.evidence.label': '根拠',
    'readiness.evidence.via': '{{resource}} 経由',
    'readiness.evidence.drill': '{{scenario}}・{{date}}: {{outcome}}',
    'readiness.evidence.runbookChanged': '最終更新 {{date}}（{{people}}）',
    'readiness.evidence.runbookChangedNoPeople': '最終更新 {{date}}',
    'readiness.evidence.runbookReviewed': '{{date}} に {{reviewer}} がレビュー',
    'readiness.evidence.runbookReviewedNoReviewer': '{{date}} にレビュー',
    'readiness.evidence.runbookNotInRepository': 'リポジトリにありません',
    'readiness.evidence.runbookUndated':
      '最後に更新・レビューした日がわかりません',
    'readiness.checks.truck-factor.title':
      '複数人がコードを把握している（トラック係数）',
    'readiness.checks.truck-factor.fix':
      'ペアで変更したり担当をローテーションしたりして、2 人目がコードの大部分を書いている状態にしましょう。',
    'readiness.checks.recent-committers.title':
      '最近、複数人がコミットしている',
    'readiness.checks.recent-committers.fix':
      '2 人目にも定期的に変更（またはペア作業）をしてもらい、コードの知識が複数人の頭に新しいまま残るようにしましょう。',
    'readiness.checks.owner-group.title': 'チームがオーナーになっている',
    'readiness.checks.owner-group.fix':
      'Group をオーナー（spec.owner）にし、メンバーを 2 人以上にしましょう。',
    'readiness.checks.alert-responders.title':
      'アラート対応が複数人で回っている',
    'readiness.checks.alert-responders.fix':
      'オンコールを分担し、2 人目もアラートの一次対応と対処ができるようにしましょう。',
    'readiness.checks.techdocs.title': 'TechDocs にドキュメントがある',
    'readiness.checks.techdocs.fix':
      'コードの隣にドキュメントを置き、アノテーション backstage.io/techdocs-ref を設定しましょう。',
    'readiness.checks.runbook.title': 'Runbook がある',
    'readiness.checks.runbook.fix':
      'Runbook を書き、baton.dev/runbook（または type が runbook のエンティティリンク）でリンクしましょう。最新に保つこと: サービスのリポジトリにあればコミットが示します。それ以外の場所なら、レビューのたびに baton.dev/runbook-reviewed（YYYY-MM-DD）と baton.dev/runbook-reviewer を記録しましょう。',
    'readiness.checks.iac.title': 'インフラがコード化されている（IaC）',
    'readiness.checks.iac.fix':
      'インフラを Terraform で管理し、baton.dev/iac でその場所を指定しましょう。',
    'readiness.checks.backups.title':
      'バックアップが別リージョンと別アカウントの両方にコピーされている',
    'readiness.checks.backups.fix':
      'バックアップを別リージョンと別アカウントの両方にコピーし（AWS Backup のコピールールなど）、リソースにタグ service=<name> を付けるか baton.dev/backup-resources に列挙しましょう。バックアップソースがない場合は baton.dev/backups にそう書きましょう（例: cross-region,cross-account）。',
    'readiness.checks.slo.title': 'SLO が 1 つ以上ある',
    'readiness.checks.slo.fix':
      'OpenSLO ファイルで SLO を宣言し、baton.dev/openslo でそのファイルを指定しましょう。',
    'readiness.checks.alert-routing.title':
      'アラートがこのサービスに届いている',
    'readiness.checks.alert-routing.fix':
      'アラートに service=<name> のラベルを付けるか、baton.dev/alert-selector にアラートが持つラベルを設定しましょう。',
    'readiness.checks.access-holders.title':
      '重要なアクセス権ごとに管理者が複数いる',
    'readiness.checks.access-holders.fix':
      '名前のわかる 2 人目に管理者権限を付け（それ以外は最小権限のまま）、重要な権限が 1 人に集中しないようにしましょう。',
    'readiness.checks.access-review.title': '最近アクセス権を棚卸ししている',
    'readiness.checks.access-review.fix':
      'このサービスが依存するリソースを対象に、アクセス権の棚卸しを実施しましょう。',
    'readiness.checks.drill.title': '最近、復旧訓練をしている',
    'readiness.checks.drill.fix':
      'リストアやフェイルオーバーの訓練を実施し、チームの訓練ページに記録しましょう（または日付を baton.dev/last-drill に書きましょう）。',
    'readiness.checks.alert-noise.title':
      'アラートがオオカミ少年になっていない',
    'readiness.checks.alert-noise.fix':
      'フラップするアラートや勝手に解消するアラートは、直すか削除しましょう。',
    'readiness.checks.changes-paired.title': '本番作業をペアで行っている',
    'readiness.checks.changes-paired.fix':
      '本番への apply はもう一人に横についてもらう（または実行を承認してもらう）形で行い、その人をペアとして記録しましょう。',
    'readiness.checks.procedures-reviewed.title':
      '作業手順を事前にレビューしている',
    'readiness.checks.procedures-reviewed.fix':
      '作業前にプルリクエストやドキュメントに手順を書き、別の人にレビューしてもらいましょう。',
    'readiness.checks.restore-practised.title':
      'チームでリストアを練習している',
    'readiness.checks.restore-practised.fix':
      'チームの 2 人以上でバックアップからのリストア訓練を行い、参加者とともに記録しましょう。',
    'readiness.checks.change-operators.title': '複数の人が本番作業をしている',
    'readiness.checks.change-operators.fix':
      '次の apply やデプロイは別の人が実行し、いつもの担当者はペアにまわりましょう。',
    'readiness.reasons.noRepositoryHistory':
      'このエンティティのリポジトリ履歴はまだ収集されていません。',
    'readiness.reasons.repositoryHistoryUnreadable':
      'リポジトリの履歴を読み込めませんでした: {{error}}',
    'readiness.reasons.noAlertHistory':
      'このエンティティのアラート履歴はまだ収集されていません。',
    'readiness.reasons.noAccessResources':
      'baton.dev/access-source を持つ Resource に依存していないため、管理すべきアクセス権がありません。',
    'readiness.reasons.noAlertsToJudge':
      '直近 {{days}} 日間にアラートがなく、判定するものがありません。',
    'readiness.reasons.noAccessInventory':
      '{{resources}} のアクセス権の一覧はまだありません。',
    'readiness.reasons.noAccessReviewRecord':
      '{{resources}} のアクセス権棚卸しの記録はまだありません。',
    'readiness.reasons.truckFactor':
      'トラック係数 {{truckFactor}}（{{files}} ファイル中。{{people}}）。',
    'readiness.reasons.truckFactorNoPeople':
      'トラック係数 {{truckFactor}}（{{files}} ファイル中）。',
    'readiness.reasons.truckFactorFormer':
      'トラック係数 {{truckFactor}}（{{files}} ファイル中。{{people}}）。直近 {{days}} 日間にコミットがないため数えていない人: {{former}}。',
    'readiness.reasons.truckFactorNoPeopleFormer':
      'トラック係数 {{truckFactor}}（{{files}} ファイル中）。直近 {{days}} 日間にコミットがないため数えていない人: {{former}}。',
    'readiness.reasons.recentCommitters_one':
      '直近 {{days}} 日間にコミットしたのは {{count}} 人です（{{people}}）。',
    'readiness.reasons.recentCommitters_other':
      '直近 {{days}} 日間にコミットしたのは {{count}} 人です（{{people}}）。',
    'readiness.reasons.recentCommittersNoPeople':
      '直近 {{days}} 日間にコミットした人はいません。',
    'readiness.reasons.ownerMissing':
      'オーナー {{owner}} がカタログにありません。',
    'readiness.reasons.ownerMissingNone':
      'オーナー（spec.owner）が設定されていません。',
    'readiness.reasons.ownerIsPerson':
      'オーナーがチームではなく個人（{{owner}}）です。',
    'readiness.reasons.ownerMembers_one':
      '{{owner}} のメンバーは {{count}} 人です。',
    'readiness.reasons.ownerMembers_other':
      '{{owner}} のメンバーは {{count}} 人です。',
    'readiness.reasons.noAcknowledgements':
      '直近 {{days}} 日間、オーナーのメンバーでアラートに一次対応した人はいません。',
    'readiness.reasons.responders_one':
      '直近 {{days}} 日間のオーナー内の一次対応者は {{count}} 人で、{{top}} が {{percent}} を対応しました。',
    'readiness.reasons.responders_other':
      '直近 {{days}} 日間のオーナー内の一次対応者は {{count}} 人で、{{top}} が {{percent}} を対応しました。',
    'readiness.reasons.techdocsSet':
      'backstage.io/techdocs-ref が設定されています。',
    'readiness.reasons.techdocsMissing':
      'アノテーション backstage.io/techdocs-ref がありません。',
    'readiness.reasons.runbookLinked':
      'Runbook: {{url}}（宣言のみで未検証: 最後に手入れされた日を示す履歴も baton.dev/runbook-reviewed の日付もありません）。',
    'readiness.reasons.runbookMissing': 'Runbook がリンクされていません。',
    'readiness.reasons.runbookFresh':
      'Runbook {{path}} の最終更新は {{date}}（{{ago}}）、更新者: {{people}}。',
    'readiness.reasons.runbookStale':
      'Runbook {{path}} の最終更新は {{date}}（{{ago}}）で、{{maxAgeDays}} 日より前です。更新者: {{people}}。',
    'readiness.reasons.runbookReviewed':
      'Runbook は {{date}}（{{ago}}）にレビューされました。レビュー担当: {{people}}。',
    'readiness.reasons.runbookReviewedNoPeople':
      'Runbook は {{date}}（{{ago}}）にレビューされました。',
    'readiness.reasons.runbookReviewStale':
      'Runbook の最終レビューは {{date}}（{{ago}}）で、{{maxAgeDays}} 日より前です。レビュー担当: {{people}}。',
    'readiness.reasons.runbookReviewStaleNoPeople':
      'Runbook の最終レビューは {{date}}（{{ago}}）で、{{maxAgeDays}} 日より前です。',
    'readiness.reasons.runbookFileMissing':
      'Runbook のリンク先 {{path}} が {{repository}}（デフォルトブランチ）にありません。',
    'readiness.reasons.runbookReviewedInvalid':
      'baton.dev/runbook-reviewed の「{{value}}」は日付（YYYY-MM-DD）ではありません。',
    'readiness.reasons.iacAnnotated': 'baton.dev/iac: {{value}}',
    'readiness.reasons.terraformFiles_one':
      'リポジトリに Terraform ファイルが {{count}} 個あります。',
    'readiness.reasons.terraformFiles_other':
      'リポジトリに Terraform ファイルが {{count}} 個あります。',
    'readiness.reasons.iacMissing':
      'アノテーション baton.dev/iac がなく、リポジトリに Terraform ファイルもありません。',
    'readiness.reasons.backupsMissing':
      'アノテーション baton.dev/backups がありません。',
    'readiness.reasons.backupsAcross': 'baton.dev/backups: {{value}}',
    'readiness.reasons.backupsSameRegion':
      'baton.dev/backups が「{{value}}」です: 別リージョンにも別アカウントにもなっていません。',
    'readiness.reasons.backupsDeclaredPartly':
      'baton.dev/backups が「{{value}}」です: {{missing}} のコピーが宣言されていません。',
    'readiness.reasons.backupsDeclared':
      'baton.dev/backups: {{value}}(宣言のみで未検証: このエンティティについてバックアップソースの証跡がありません)。',
    'readiness.reasons.backupsVerified_one':
      '検証済み: 保護対象リソース {{count}} 件が {{days}} 日以内に別リージョンと別アカウントへコピーされています({{resources}})。',
    'readiness.reasons.backupsVerified_other':
      '検証済み: 保護対象リソース {{count}} 件が {{days}} 日以内に別リージョンと別アカウントへコピーされています({{resources}})。',
    'readiness.reasons.backupCopyFailed':
      '最新のコピージョブが失敗し、{{days}} 日以内に別リージョンと別アカウントへのコピーが完了していません: {{resources}}。',
    'readiness.reasons.backupCopyStale':
      '{{days}} 日以内に別リージョンにも別アカウントにもコピーが完了していません: {{resources}}。',
    'readiness.reasons.backupCrossRegionMissing':
      '別アカウントへはコピーされていますが、{{days}} 日以内に別リージョンへのコピーがありません: {{resources}}。',
    'readiness.reasons.backupCrossAccountMissing':
      '別リージョンへはコピーされていますが、{{days}} 日以内に別アカウントへのコピーがありません: {{resources}}。',
    'readiness.reasons.backupEvidenceStale':
      'バックアップソースから {{days}} 日以上報告がありません: {{resources}}。',
    'readiness.reasons.sloMissing':
      'アノテーション baton.dev/openslo がありません。',
    'readiness.reasons.sloNotRead':
      'SLO は {{file}} で宣言されていますが、まだ読み込まれていません。',
    'readiness.reasons.sloCount_one':
      '{{file}} に SLO が {{count}} 個あります。',
    'readiness.reasons.sloCount_other':
      '{{file}} に SLO が {{count}} 個あります。',
    'readiness.reasons.alertSelector': 'baton.dev/alert-selector: {{selector}}',
    'readiness.reasons.alertsSeen_one':
      '直近 {{days}} 日間に service={{name}} のラベルが付いたアラートが {{count}} 件ありました。',
    'readiness.reasons.alertsSeen_other':
      '直近 {{days}} 日間に service={{name}} のラベルが付いたアラートが {{count}} 件ありました。',
    'readiness.reasons.adminCounts': 'リソースごとの管理者数: {{counts}}',
    'readiness.reasons.reviewStale':
      '{{days}} 日以内に棚卸しされていません: {{resources}}',
    'readiness.reasons.reviewFresh': 'すべて {{days}} 日以内に棚卸し済みです。',
    'readiness.reasons.drillMissing':
      'アノテーション baton.dev/last-drill がありません。',
    'readiness.reasons.drillNotDate':
      'baton.dev/last-drill の「{{value}}」は日付（YYYY-MM-DD）ではありません。',
    'readiness.reasons.drillAge': '最後の訓練は {{date}}（{{ago}}）です。',
    'readiness.reasons.noisyShare': 'アラートの {{percent}} がノイズでした。',
    'readiness.reasons.drillRecorded':
      '最後の訓練は {{date}}（{{ago}}）、参加者: {{people}}。',
    'readiness.reasons.noBackupsToRestore':
      'baton.dev/backups アノテーションがないため、リストアするバックアップがありません。',
    'readiness.reasons.noDrillRecords':
      'このエンティティの訓練記録は収集されていません。',
    'readiness.reasons.restorePractised_one':
      '直近 {{days}} 日間にリストア訓練に参加したチームメンバーは {{count}} 人です（{{people}}）。',
    'readiness.reasons.restorePractised_other':
      '直近 {{days}} 日間にリストア訓練に参加したチームメンバーは {{count}} 人です（{{people}}）。',
    'readiness.reasons.restorePractisedNoPeople':
      '直近 {{days}} 日間にリストア訓練に参加したチームメンバーはいません。',
    'readiness.reasons.noChangeRecords':
      'このエンティティの本番作業は収集されていません。',
    'readiness.reasons.noChangesToJudge':
      '直近 {{days}} 日間に記録された本番作業がないため、判定できません。',
    'readiness.reasons.pairedShare_one':
      '直近 {{days}} 日間の本番作業 {{count}} 件のうち {{paired}} 件がペアで行われました（{{percent}}）。',
    'readiness.reasons.pairedShare_other':
      '直近 {{days}} 日間の本番作業 {{count}} 件のうち {{paired}} 件がペアで行われました（{{percent}}）。',
    'readiness.reasons.reviewedShare_one':
      '直近 {{days}} 日間の本番作業 {{count}} 件のうち {{reviewed}} 件が、他の人がレビューした手順に沿って行われました（{{percent}}）。',
    'readiness.reasons.reviewedShare_other':
      '直近 {{days}} 日間の本番作業 {{count}} 件のうち {{reviewed}} 件が、他の人がレビューした手順に沿って行われました（{{percent}}）。',
    'readiness.reasons.changeOperators_one':
      '直近 {{days}} 日間に {{count}} 人が本番作業を実行しました（{{people}}）。',
    'readiness.reasons.changeOperators_other':
      '直近 {{days}} 日間に {{count}} 人が本番作業を実行しました（{{people}}）。',
    'readiness.levelReasons.ready':
      'スコア {{score}} ≥ {{readyScore}} で、重要なチェックはすべて合格しています。',
    'readiness.levelReasons.belowScore':
      'スコア {{score}} が {{readyScore}} に届いていません。',
    'readiness.levelReasons.criticalGaps':
      '合格していない重要なチェック: {{checks}}',
    'readiness.levelReasons.criticalGap': '{{title}}（{{status}}）',
    'readiness.levelReasons.singlePoint':
      '1 人に頼り切っている箇所があります: {{parts}}',
    'readiness.levelReasons.parts.truckFactorOne':
      'トラック係数 1（{{people}}）',
    'readiness.levelReasons.parts.truckFactorZero':
      'トラック係数 0（コードの大部分を書いた人がいない）',
    'readiness.levelReasons.parts.soleResponder':
      'アラートの一次対応者が {{person}} だけ',
    'readiness.levelReasons.parts.soleAdmin':
      '{{resource}} の管理者が {{person}} だけ',
    'readiness.levelReasons.parts.noAdmin': '{{resource}} の管理者がいない',
    'readiness.trend.label': '備えスコアの推移',
    'readiness.trend.change': '{{day}} から {{first}} → {{last}}（{{delta}}）',
    'readiness.trend.notYet':
      '推移は 2 日分のスナップショットがそろうと表示されます。',
    'readiness.knowledge.unreadable':
      'リポジトリの履歴を読み込めませんでした: {{error}}',
    'readiness.knowledge.refreshFailed':
      '{{at}} の更新に失敗しました: {{error}}。表示している数値は最後に読めた {{computedAt}} 時点のものです。',
    'readiness.knowledge.truckFactorLabel': 'トラック係数',
    'readiness.knowledge.truckFactor': 'トラック係数',
    'readiness.knowledge.truckFactorOne':
      '1 人が不在になるだけで、コードの大部分が「書いた人のいない」状態になります。',
    'readiness.knowledge.truckFactorMany':
      '{{count}} 人が不在になって初めて、コードの大部分が「書いた人のいない」状態になります。',
    'readiness.knowledge.tableLabel': '誰がコードを知っているか',
    'readiness.knowledge.columns.person': '人',
    'readiness.knowledge.columns.files': '書いたファイル',
    'readiness.knowledge.columns.lastCommit': '最終コミット',
    'readiness.knowledge.noCatalogUser': '（カタログに User なし）',
    'readiness.knowledge.truckFactorAuthor': '· トラック係数を支える書き手',
    'readiness.knowledge.former': '· 以前の書き手',
    'readiness.knowledge.formerHelp':
      '直近 {{days}} 日間にコミットがありません: 表示はしますが、トラック係数には数えません。',
    'readiness.knowledge.share': '{{share}}（{{files}}）',
    'readiness.knowledge.morePeople_one': 'ほか {{count}} 人',
    'readiness.knowledge.morePeople_other': 'ほか {{count}} 人',
    'readiness.knowledge.showWhy': 'なぜ？',
    'readiness.knowledge.hideWhy': '根拠を閉じる',
    'readiness.knowledge.counted':
      '{{repositories}} の {{files}} ファイルを集計（うち書いた人のいないもの {{withoutAuthor}}）。{{mode}}。集計日時 {{at}}。',
    'readiness.knowledge.repositoryAt': '{{repository}}（{{revision}}）',
    'readiness.knowledge.mode.pairing': 'ペア作業も計上（Co-authored-by）',
    'readiness.knowledge.mode.classic':
      '通常の計上（Co-authored-by は数えない）',
    'readiness.knowledge.rule':
      '著者度 DOA = {{intercept}} + {{firstAuthorship}}·FA + {{deliveries}}·DL − {{acceptances}}·ln(1 + AC)（ファイルと人ごと）。DOA ÷ そのファイルの最大 DOA > 0.75 かつ（DOA ≥ {{intercept}} またはそのファイルを作った人）であれば、その人をファイルの書き手とみなします。トラック係数: 書き手のいるファイルが 50% を下回るまでに、主要な書き手が何人抜ける必要があるか（Avelino ほか, ICPC 2016）。ベンダリングされたファイル、自動生成ファイル、ドキュメントは数えません。',

    'team.tabTitle': 'バス係数',
    'team.pageTitle': 'バス係数',
    'team.teamPicker': 'チーム',
    'team.teamNotFound':
      'チーム {{team}} はカタログにありません。{{shown}} を表示しています。',
    'team.simulation.title': '休暇シミュレーション',
    'team.simulation.help':
      '誰が休みますか？ 休みの最終日の時点で、その人たちがいないものとしてすべてのチェックを再計算します。',
    'team.simulation.awayLabel': '休む人',
    'team.simulation.daysAway': '休む日数',
    'team.soleCovers.title': '代わりのいないメンバー',
    'team.soleCovers.none': '1 人だけでカバーしているサービスはありません。',
    'team.soleCovers.knowledge': '{{services}} を知っているのはこの人だけ',
    'team.soleCovers.responder': '{{services}} の一次対応はこの人だけ',
    'team.soleCovers.admin': '{{services}} の管理者はこの人だけ',
    'team.soleCovers.operator': '{{services}} の本番作業をしたのはこの人だけ',
    'team.resources.title': '{{team}} のリソースとシステム',
    'team.resources.label': 'リソースとシステム',
    'team.resources.columns.entity': 'リソースまたはシステム',
    'team.services.title': '{{team}} のサービス',
    'team.services.exportCsv': 'CSV をエクスポート',
    'team.services.label': 'サービス',
    'team.services.columns.service': 'サービス',
    'team.services.columns.level': 'レベル',
    'team.services.columns.score': 'スコア',
    'team.services.columns.truckFactor': 'トラック係数',
    'team.services.columns.trend': '推移',
    'team.services.columns.during': '休暇中',
    'team.services.duringTruckFactor': 'トラック係数 {{truckFactor}}',
    'team.services.nowFailing': '不合格になるチェック: {{checks}}',
    'team.services.unaffected': '影響なし',
    'team.uncovered.noAuthorLeft': 'コードの大部分を書いた人が誰も残りません。',
    'team.uncovered.noResponderLeft':
      'アラートに対応したことのある人が誰も残りません。',
    'team.uncovered.noAdminLeft': '{{resource}} の管理者が誰も残りません。',
    'team.uncovered.noRestorerLeft':
      '直近 {{days}} 日間にこのサービスをバックアップからリストアする訓練をした人は、誰も出勤していません。',
    'team.uncovered.noOperatorLeft':
      '直近 {{days}} 日間にこのサービスの本番作業を実行した人もペアを組んだ人も、誰も残りません。',
    'team.uncovered.noOperatorLeftOnlyPairs':
      '直近 {{days}} 日間にこのサービスの本番作業を実行した人が誰も残りません。{{people}} はペアを組んだだけです。',
    'team.knowledgeMap.title': 'ナレッジマップ',
    'team.knowledgeMap.help':
      '各サービスのファイルのうち、その人が書いた割合です（濃いほど大きい）。サービス名にカーソルを合わせると全体が表示されます。',
    'team.knowledgeMap.label': 'ナレッジマップ',
    'team.knowledgeMap.person': '人',
    'team.knowledgeMap.cell':
      '{{person}} は {{service}} の {{share}} を書いています。',
    'team.knowledgeMap.formerCell':
      '{{person}} は {{service}} の {{share}} を書きましたが、直近 {{days}} 日間コミットしていません: 以前の書き手として数えません。',
    'team.knowledgeMap.formerLegend':
      '灰色の取り消し線: 以前の書き手（直近 {{days}} 日間コミットなし。数えません）。',
    'team.knowledgeMap.empty':
      'これらのサービスのコードを書いたチームメンバーはまだいません。',
    'team.csv.service': 'サービス',
    'team.csv.level': 'レベル',
    'team.csv.score': 'スコア',
    'team.csv.truckFactor': 'トラック係数',
    'team.csv.checksFailed': '不合格のチェック',
    'team.csv.checksUnknown': '判定不能のチェック',
    'team.csv.levelDuring': '休暇中のレベル',
    'team.csv.truckFactorDuring': '休暇中のトラック係数',
    'team.csv.uncovered': '誰もいなくなるもの',

    'alerts.card.title': 'アラート履歴',
    'alerts.card.subheader': '{{date}} 以降 · ラベル {{selector}} のアラート',
    'alerts.card.subheaderLastReview':
      '{{team}} の前回の信頼性レビュー（{{date}}）以降 · ラベル {{selector}} のアラート',
    'alerts.card.emptyTitle': '{{date}} 以降のアラートはありません',
    'alerts.card.noDataDescription':
      'ラベルが {{selector}} に一致するアラートは、Webhook ソースから届くとここに表示されます。別のラベルで照合するには {{annotation}} を設定してください。',
    'alerts.card.notConfiguredTitle':
      'このエンティティにはまだアラートのソースがつながっていません',
    'alerts.card.emptyDescription':
      'ラベル {{selector}} のアラートはこのカードに届きますが、この期間に発火したものはありません。',
    'alerts.card.lastAlert': '最後のアラートは {{date}} に発火しました。',
    'alerts.summary.label': 'アラートの概要',
    'alerts.summary.count': 'アラート件数',
    'alerts.summary.noisy': 'ノイズ',
    'alerts.summary.noisyValue': '{{noisy}} 件（オオカミ少年率 {{score}}）',
    'alerts.summary.noisyHelp':
      '数分で自動復旧したアラートやフラッピングしたアラートです。オオカミ少年率は全アラートに占めるその割合です。',
    'alerts.summary.mtta': 'MTTA',
    'alerts.summary.mttaHelp':
      '平均確認時間: 発火から最初の確認（一次対応）までの平均。',
    'alerts.summary.mttr': 'MTTR',
    'alerts.summary.mttrHelp': '平均復旧時間: 発火から復旧までの平均。',
    'alerts.summary.notApplicable': 'なし',
    'alerts.summary.responders': 'オンコール負荷',
    'alerts.summary.respondersLabel': '一次対応者と確認件数の割合',
    'alerts.summary.responderShare': '{{name}} {{share}}',
    'alerts.summary.responderCount_one': '確認 {{count}} 件',
    'alerts.summary.responderCount_other': '確認 {{count}} 件',
    'alerts.summary.noResponders': 'まだ誰もアラートを確認していません。',
    'alerts.chart.title': '重大度別の日ごとのアラート件数',
    'alerts.chart.label': '重大度別の日ごとのアラート件数',
    'alerts.severity.critical': 'クリティカル',
    'alerts.severity.warning': '警告',
    'alerts.severity.info': '情報',
    'alerts.severity.unknown': '未設定',
    'alerts.status.firing': '発火中',
    'alerts.status.resolved': '復旧済み',
    'alerts.sources.alertmanager': 'Alertmanager',
    'alerts.sources.mackerel': 'Mackerel',
    'alerts.sources.cloudwatch': 'CloudWatch',
    'alerts.sources.sentry': 'Sentry',
    'alerts.sources.generic': '汎用 Webhook',
    'alerts.filters.label': 'アラートの絞り込み',
    'alerts.filters.severity': '重大度',
    'alerts.filters.status': '状態',
    'alerts.filters.all': 'すべて',
    'alerts.filters.noisyOnly': 'ノイズのみ',
    'alerts.filters.shown': '読み込み済み {{loaded}} 件中 {{shown}} 件を表示',
    'alerts.filters.noMatch':
      '読み込み済みのアラートに条件と一致するものはありません。',
    'alerts.table.label': 'アラート一覧',
    'alerts.table.columns.started': '発火日時',
    'alerts.table.columns.alert': 'アラート',
    'alerts.table.columns.source': 'ソース',
    'alerts.table.columns.severity': '重大度',
    'alerts.table.columns.status': '状態',
    'alerts.table.columns.duration': '継続時間',
    'alerts.table.columns.responders': '一次対応者',
    'alerts.table.columns.noise': 'ノイズ',
    'alerts.table.ongoing': '継続中',
    'alerts.table.runbook': 'Runbook',
    'alerts.table.acknowledge': '確認',
    'alerts.table.acknowledgeLabel': '{{title}} を確認済みにする',
    'alerts.table.acknowledgeFailed':
      '「{{title}}」を確認済みにできませんでした: {{error}}',
    'alerts.table.acknowledgeNotAllowed':
      '「{{title}}」を確認済みにできませんでした: 確認済みにできるのは対象サービスのオーナーだけです（{{error}}）。',
    'alerts.table.acknowledgeClosed':
      '復旧から {{minutes}} 分以上たっているため、確認済みにできません。',
    'alerts.table.undo': '取り消す',
    'alerts.table.undoLabel': '{{title}} の確認を取り消す',
    'alerts.table.undoHelp':
      '確認してから {{minutes}} 分間は、自分の確認を取り消せます。',
    'alerts.table.undoFailed':
      '「{{title}}」の確認を取り消せませんでした: {{error}}',
    'alerts.table.loadMore': 'さらに読み込む',
    'alerts.table.loadMoreFailed':
      'アラートの続きを読み込めませんでした: {{error}}',
    'alerts.table.acknowledged': '「{{title}}」を確認済みにしました。',
    'alerts.table.undone': '「{{title}}」の確認を取り消しました。',
    'alerts.table.severityNotSet':
      'ソースから重大度が送られていません（CloudWatch アラームには重大度がありません）。アラーム名か説明に critical や warning などの語を入れると設定されます。',
    'alerts.table.firingSinceBefore':
      '{{date}} から発火中（この期間より前から）',
    'alerts.table.firingsSince': '{{from}} 以降 {{firings}} 回発火',
    'alerts.table.firingsSpan': '{{from}}〜{{until}} に {{firings}} 回発火',
    'alerts.table.firingsLabel': '{{title}} の発火履歴',
    'alerts.table.expand': '{{title}} の詳細を表示',
    'alerts.table.collapse': '{{title}} の詳細を閉じる',
    'alerts.table.details': '{{title}} の詳細',
    'alerts.table.monitor': 'モニター',
    'alerts.table.links': 'リンク',
    'alerts.noise.transient.label': '一過性',
    'alerts.noise.transient.explanation':
      '誰も確認しないまま、{{minutes}} 分でソース側で自動復旧しました（{{limit}} 分以内）。',
    'alerts.noise.flapping.label': 'フラッピング',
    'alerts.noise.flapping.explanation':
      '{{monitor}} が {{hours}} 時間以内に {{count}} 回発火しました。',
    'alerts.noise.no-runbook.label': 'Runbook なし',
    'alerts.noise.no-runbook.explanation':
      'アラート（runbook_url）にもサービスにも Runbook がありません。',
    'alerts.noise.never-acknowledged.label': '未確認',
    'alerts.noise.never-acknowledged.explanation':
      '誰も確認（一次対応）していません。',
    'cost.card.title': 'コスト',
    'cost.card.subheader': '{{tags}} のタグが付いた支出',
    'cost.card.unsupportedTitle': 'この種類のエンティティには支出がありません',
    'cost.card.unsupportedKind':
      'Baton が支出を配賦するのはコンポーネント・システム・リソースです。{{kind}} には独自の支出がありません。',
    'cost.card.notConfiguredTitle':
      'このポータルではコストが設定されていません',
    'cost.card.notConfiguredDescription':
      'Baton にはまだコストデータがありません。Backstage の管理者がバックエンドに {{focus}}（FinOps FOCUS のコストファイル）または {{aws}}（AWS Cost Explorer）を導入して設定すると、支出がここに表示されます。',
    'cost.card.emptyTitle': '{{tags}} のタグが付いた支出はありません',
    'cost.card.emptyDescription':
      '{{sources}} のコストデータに、{{tags}} のタグが付いたリソースの支出がありません。このサービスのクラウドリソースに {{tags}} のタグを付けるか、アノテーション {{annotation}} にリソースが既に持つタグ（例: app=shop,env=prod）を設定してください。',
    'cost.card.reloading': 'この条件の支出を読み込んでいます',
    'cost.card.reloadFailed':
      'この条件の支出を読み込めませんでした: {{error}}。前の結果を表示しています。',
    'cost.controls.label': '期間・集計単位・通貨',
    'cost.controls.range': '期間',
    'cost.controls.ranges.last30': '過去 30 日',
    'cost.controls.ranges.last90': '過去 90 日',
    'cost.controls.ranges.thisMonth': '今月',
    'cost.controls.ranges.previousMonth': '先月',
    'cost.controls.granularity': '集計単位',
    'cost.controls.day': '日次',
    'cost.controls.month': '月次',
    'cost.controls.currency': '通貨',
    'cost.figures.label': '支出の概要',
    'cost.figures.total': '合計',
    'cost.figures.totalHelp': '{{from}} から {{to}} まで（UTC の日付）の支出。',
    'cost.figures.change': '前期間比',
    'cost.figures.changeValue': '{{percent}}（{{amount}}）',
    'cost.figures.noSpendBefore': '前期間の支出なし',
    'cost.figures.changeHelp': '前期間 {{from}} 〜 {{to}}: {{previous}}。',
    'cost.figures.forecast': '{{month}} の予測',
    'cost.figures.forecastHelp':
      '月初からの支出に、直近の 1 日あたりの支出 × 残り日数を足した値です。',
    'cost.figures.estimated': '推定値を含む',
    'cost.figures.estimatedHelp':
      'この期間にはコストソースがまだ推定中の日があります。確定すると支出が変わることがあります。',
    'cost.figures.partialPrevious':
      '前期間のデータは {{total}} 日中 {{days}} 日分のみ',
    'cost.figures.allCurrencies': '全通貨（{{base}} 換算）',
    'cost.figures.allCurrenciesHelp':
      '各通貨の合計を sre.cost.exchangeRates のレートで換算した額: {{rates}}。',
    'cost.figures.rate': '1 {{currency}} = {{rate}} {{base}}',
    'cost.figures.eachCurrency': '通貨別',
    'cost.figures.eachCurrencyHelp':
      '期間中の通貨ごとの支出です。異なる通貨の金額は合算しません。バックエンドの設定に sre.cost.exchangeRates があると、換算した合計を表示します。',
    'cost.figures.missingRates':
      'sre.cost.exchangeRates に {{currencies}} のレートがないため、換算した合計はありません。',
    'cost.chart.titleDay': '日ごとの支出',
    'cost.chart.titleMonth': '月ごとの支出',
    'cost.chart.label': '期間中の支出の推移',
    'cost.chart.spend': '支出',
    'cost.chart.estimatedAmount': '{{amount}}（推定）',
    'cost.chart.legend':
      '薄い棒はソースがまだ推定中の値、赤い点は異常値です（点にポインタを合わせると判定ルールを表示します）。',
    'cost.chart.legendMonth': '薄い棒はソースがまだ推定中の値です。',
    'cost.chart.anomalySigma':
      '{{date}}: {{amount}} は直近 {{days}} 日の平均 + {{sigma}}σ のしきい値 {{threshold}} を超えています（平均 {{expected}}）。',
    'cost.chart.anomalyJump':
      '{{date}}: {{amount}} は直近 {{days}} 日の平均 {{expected}} を {{jump}} 以上上回っています（しきい値 {{threshold}}）。',
    'cost.drivers.title': 'サービス別の支出',
    'cost.drivers.label': 'サービス別の支出',
    'cost.drivers.columns.service': 'サービス',
    'cost.drivers.columns.amount': '支出',
    'cost.drivers.columns.change': '増減率',
    'cost.drivers.columns.changeAmount': '増減額',
    'cost.drivers.noName': '（サービス名なし）',
    'cost.drivers.newSpend': '新規',
    'cost.drivers.none': 'この期間にサービス別の支出はありません。',
    'cost.why.show': '根拠を表示',
    'cost.why.hide': '根拠を隠す',
    'cost.why.total':
      '合計: このエンティティに配賦された全コスト行の{{metric}}を、{{from}} から {{to}} まで（UTC の日付）{{currency}} で合計したもの。別の通貨の支出は換算せず、「通貨」で切り替えて表示します。',
    'cost.why.metric.effective': '実効コスト（割引・コミットメント適用後）',
    'cost.why.metric.billed': '請求コスト（請求書どおり）',
    'cost.why.change':
      '増減: 同じ長さの前期間 {{from}} 〜 {{to}} との比較。{{previous}} → {{total}}、{{amount}}（{{percent}}）。',
    'cost.why.changeNone':
      '増減: 前期間 {{from}} 〜 {{to}} に支出がないため、増減率はありません。',
    'cost.why.changePartial':
      '前期間のコストデータは {{total}} 日中 {{days}} 日分しかありません（データは {{dataFrom}} から）。増減には支出の変化だけでなくデータ量の差が含まれます。',
    'cost.why.forecast':
      '{{month}} の予測 = 月初からの支出 {{actual}} + 1 日あたり {{dailyRate}} × 残り {{remainingDays}} 日 = {{amount}}。1 日あたりの支出は直近 {{basisDays}} 日の平均です。',
    'cost.why.forecastWithoutAnomalies':
      '{{month}} の予測 = これまでの支出 {{actual}} + 日次レート {{dailyRate}} × 残り {{remainingDays}} 日 = {{amount}}。日次レートは直近 {{window}} 日の平均ですが、一度きりの支出は月の残りには続かないため、異常値の規則に該当する日（下記参照）を除いています: {{days}}。',
    'cost.why.noForecast': 'この期間には月末の予測がありません。',
    'cost.why.anomalyRule':
      '異常値: その日より前の {{days}} 日の平均に標準偏差（σ）の {{sigma}} 倍を足した値を超えた日。履歴が {{minDays}} 日に満たない日は判定しません。',
    'cost.why.anomaliesTitle': '異常値の日',
    'cost.why.noAnomalies': 'この期間に異常値の日はありません。',
    'cost.why.allocationDefault':
      '配賦: {{allocation}} のタグが付いたリソースの支出をこのエンティティに計上します。これはすべてのサービスの既定で、アノテーション {{annotation}} で別のタグを指定できます。',
    'cost.why.allocationAnnotation':
      '配賦: アノテーション {{annotation}} のとおり、{{allocation}} のタグが付いたリソースの支出をこのエンティティに計上します。',
    'cost.why.sources': 'コストデータの取得元: {{sources}}。',
    'cost.why.estimated':
      'ソースがまだ推定中の日は薄く表示しています。確定すると支出が変わることがあります。',
    'cost.team.title': 'チームのコスト',
    'cost.team.subheader':
      '{{team}} とその下位チームが所有するエンティティの支出',
    'cost.team.notGroup':
      'このカードはグループのページ用です。{{kind}} はエンティティを所有しません。',
    'cost.team.emptyTitle': '{{team}} が所有するエンティティの支出はありません',
    'cost.team.emptyDescription':
      'このチームが所有するエンティティには、{{sources}} のコストデータにタグ付きの支出がありません。各エンティティのコストカードに、リソースに必要なタグが表示されます。別のタグはアノテーション {{annotation}} で指定できます。',
    'cost.team.entitiesTitle': 'エンティティ別の支出',
    'cost.team.entitiesLabel': 'エンティティ別の支出',
    'cost.team.columns.entity': 'エンティティ',
    'cost.team.columns.total': '支出',
    'cost.team.columns.change': '増減率',
    'cost.team.noEntities':
      'この期間に支出のあるエンティティはこのチームにありません。',
    'cost.team.noSpend': '支出なし',
    'cost.team.unallocatedTitle': '未配賦の支出',
    'cost.team.unallocatedTotal': 'どのエンティティにも属さない支出: {{total}}',
    'cost.team.unallocatedShare': 'このチームの按分: {{share}}（{{fraction}}）',
    'cost.team.unallocatedHelp':
      '未配賦の支出とは、タグがないか、どのエンティティも選択しないタグが付いた支出です。上のチーム合計には含まれません。チームの按分は、未配賦の合計 × 配賦済み支出全体に占めるチームの割合（{{fraction}}）です。',

    'review.tabTitle': '信頼性レビュー',
    'review.pageTitle': '信頼性レビュー',
    'review.teamPicker': 'チーム',
    'review.notGroupTitle': 'チームではありません',
    'review.notGroup':
      '信頼性レビューはグループのページ用です。{{kind}} はチームではありません。',
    'review.notAllowed':
      'レビューを変更できるのはこのチーム（またはその上位チーム）のメンバーだけで、あなたはメンバーではありません（{{error}}）',
    'review.noServicesTitle': '{{team}} が所有するサービスはありません',
    'review.noServicesDescription':
      'アジェンダはチームが所有するサービスを対象にします。チームのコンポーネント（およびシステムやリソース）の spec.owner に {{owner}} を設定してください。そのアラート、SLO、コスト、備えの状況がここに表示されます。',
    'review.header.title': '{{team}} の信頼性レビュー',
    'review.header.since': '{{date}} 以降（{{source}}）',
    'review.header.sinceSources.current-review': '進行中のレビュー',
    'review.header.sinceSources.last-review': '前回のレビュー',
    'review.header.sinceSources.chosen': '指定した日付',
    'review.header.sinceSources.default': '既定の 14 日間',
    'review.header.sinceLabel': 'アジェンダの開始日',
    'review.header.resetSince': '既定の開始日に戻す',
    'review.header.lastReview': '前回のレビュー: {{date}} に完了',
    'review.header.noReviewYet': '完了したレビューはまだありません',
    'review.header.inProgress': '進行中: {{at}} に {{by}} が開始',
    'review.header.attendees': '参加者: {{names}}',
    'review.header.noAttendees': '参加者の記録なし',
    'review.header.start': 'レビューを開始',
    'review.header.finish': 'レビューを完了',
    'review.header.abandon': 'レビューを中止',
    'review.header.abandoned':
      'レビューを中止しました。準備ができたら新しいレビューを開始してください。',
    'review.header.exportMarkdown': 'Markdown をエクスポート',
    'review.header.exportFailed':
      'レビューをエクスポートできませんでした: {{error}}',
    'review.start.title': '信頼性レビューを開始',
    'review.start.help':
      '参加するのは誰ですか？ チーム全員にチェックが入っています。',
    'review.start.attendeesLabel': '参加者',
    'review.start.noMembers':
      'カタログ上、このチームにはメンバーがいません。参加者なしでレビューを開始します。',
    'review.start.since': 'アジェンダは {{date}} からです。',
    'review.start.cancel': 'キャンセル',
    'review.start.confirm': '開始',
    'review.start.failed': 'レビューを開始できませんでした: {{error}}',
    'review.start.started': 'レビューを開始しました',
    'review.start.reload': '再読み込み',
    'review.start.sinceProblem':
      'この日からはアジェンダを始められません: {{error}}。ページで「アジェンダの開始日」を選び直すか、既定の開始日に戻してください。',
    'review.finish.title': 'レビューを完了しますか？',
    'review.finish.description':
      'メモとアジェンダは現在の内容で保存され、以後は変更できません。未完了のアクションアイテムは次回のレビューに引き継がれます。',
    'review.finish.unsavedNotes':
      'メモに保存していない変更があります。先に保存しないと失われます。',
    'review.finish.cancel': 'キャンセル',
    'review.finish.confirm': 'レビューを完了',
    'review.finish.failed': 'レビューを完了できませんでした: {{error}}',
    'review.finish.finished':
      'レビューを完了しました。アジェンダとメモはこの内容で残ります',
    'review.abandon.title': 'レビューを中止しますか？',
    'review.abandon.description':
      '誤って開始した、または開始日を誤ったレビューを中止します。レビューはメモとともに残りますが、チームの「前回のレビュー」にはなりません。次のレビューのアジェンダは、前回完了したレビューの終了時点から始まります。未完了のアクションアイテムは引き継がれます。中止後、新しいレビューを開始できます。',
    'review.abandon.unsavedNotes':
      'メモに保存していない変更があります。先に保存しないと失われます。',
    'review.abandon.cancel': 'キャンセル',
    'review.abandon.confirm': 'レビューを中止',
    'review.abandon.failed': 'レビューを中止できませんでした: {{error}}',
    'review.abandon.abandoned': 'レビューを中止しました',
    'review.agenda.title': 'アジェンダ',
    'review.agenda.range': '{{from}} 〜 {{until}}',
    'review.agenda.notAvailable': '利用できません',
    'review.agenda.unavailable.access-reviews-not-built':
      'アクセスレビューはまだ実装されていません。実装後、チームメンバーの未完了のアクセスレビュー項目がここに表示されます。',
    'review.agenda.unavailable.no-open-campaign':
      'チームメンバーが判断すべき項目を含む、実施中のアクセスレビューはありません。',
    'review.agenda.unavailable.no-cost-data':
      'チームのサービスのコストデータがありません。このポータルでコストが設定されていないか、タグ付きの支出があるサービスがありません。',
    'review.agenda.unavailable.no-slos':
      'チームのサービスはどれも SLO を宣言していません（baton.dev/openslo）。',
    'review.agenda.unavailable.no-alerts':
      'チームのサービスにはまだアラートが届いていません。Webhook ソースから送られるとここに表示されます。',
    'review.agenda.alerts.title': 'アラート',
    'review.agenda.alerts.summary_one': '{{count}} 件（ノイズ {{noisy}} 件）',
    'review.agenda.alerts.summary_other': '{{count}} 件（ノイズ {{noisy}} 件）',
    'review.agenda.alerts.empty': '{{date}} 以降のアラートはありません。',
    'review.agenda.alerts.label': '{{service}} のアラート',
    'review.agenda.alerts.more_one': 'ほか {{count}} 件',
    'review.agenda.alerts.more_other': 'ほか {{count}} 件',
    'review.agenda.slos.title': 'リスクのある SLO',
    'review.agenda.slos.summary': '{{checked}} 件中 {{atRisk}} 件にリスク',
    'review.agenda.slos.empty': '{{checked}} 件の SLO にリスクはありません。',
    'review.agenda.slos.label': 'リスクのある SLO',
    'review.agenda.slos.columns.service': 'サービス',
    'review.agenda.slos.columns.slo': 'SLO',
    'review.agenda.slos.columns.sli': 'SLI / 目標',
    'review.agenda.slos.columns.budget': 'エラーバジェット残量',
    'review.agenda.slos.columns.spent': '{{date}} 以降の消費',
    'review.agenda.slos.columns.reasons': '理由',
    'review.agenda.slos.sli': '{{sli}}（目標 {{objective}}）',
    'review.agenda.slos.noTraffic': 'トラフィックなし（目標 {{objective}}）',
    'review.agenda.cost.title': 'コスト',
    'review.agenda.cost.summary': '合計 {{total}}',
    'review.agenda.cost.summaryChange': '合計 {{total}}（前期間比 {{change}}）',
    'review.agenda.cost.empty': '{{date}} 以降の支出はありません。',
    'review.agenda.cost.range':
      '{{from}} 〜 {{to}}（UTC の日付）の支出を、同じ長さの前期間と比較しています。',
    'review.agenda.cost.total': '合計',
    'review.agenda.cost.change': '前期間比',
    'review.agenda.cost.unallocated': '未配賦の支出のチームの按分',
    'review.agenda.cost.moversTitle': '増減の大きいサービス',
    'review.agenda.cost.moversLabel': 'サービス別の増減の大きい順',
    'review.agenda.cost.columns.service': 'サービス',
    'review.agenda.cost.columns.total': '支出',
    'review.agenda.cost.columns.previous': '前期間',
    'review.agenda.cost.columns.change': '増減',
    'review.agenda.cost.noMovers': '支出が変わったサービスはありません。',
    'review.agenda.cost.anomaliesTitle': '異常値の日',
    'review.agenda.cost.anomaly':
      '{{service}}: {{date}} に {{amount}}（想定 {{expected}}、{{rule}}）',
    'review.agenda.cost.rules.sigma': '平均 + σ 超え',
    'review.agenda.cost.rules.jump': '急増',
    'review.agenda.cost.noAnomalies': '異常値の日はありません。',
    'review.agenda.readiness.title': '備えのレベルの変化',
    'review.agenda.readiness.summary':
      '{{services}} サービス中 {{changed}} 件のレベルが変化',
    'review.agenda.readiness.empty':
      '{{date}} 以降、レベルが変わったサービスはありません。',
    'review.agenda.readiness.label': '備えのレベルの変化',
    'review.agenda.readiness.columns.service': 'サービス',
    'review.agenda.readiness.columns.level': 'レベル',
    'review.agenda.readiness.columns.score': 'スコア',
    'review.agenda.readiness.columns.direction': '傾向',
    'review.agenda.readiness.beforeDay': '{{date}} 時点から',
    'review.agenda.readiness.score': '{{before}} → {{after}}',
    'review.agenda.readiness.direction.better': '改善',
    'review.agenda.readiness.direction.worse': '悪化',
    'review.agenda.access.title': 'アクセスレビュー',
    'review.agenda.access.summary_one': '未完了 {{count}} 件',
    'review.agenda.access.summary_other': '未完了 {{count}} 件',
    'review.agenda.access.open_one':
      'チームメンバーのアクセスレビュー項目が {{count}} 件未完了です。',
    'review.agenda.access.open_other':
      'チームメンバーのアクセスレビュー項目が {{count}} 件未完了です。',
    'review.agenda.access.campaign_one': '{{title}}: 判断待ち {{count}} 件',
    'review.agenda.access.campaign_other': '{{title}}: 判断待ち {{count}} 件',
    'review.agenda.access.campaignDue_one':
      '{{title}}: 判断待ち {{count}} 件（期限 {{date}}）',
    'review.agenda.access.campaignDue_other':
      '{{title}}: 判断待ち {{count}} 件（期限 {{date}}）',
    'review.agenda.changes.title': '本番作業',
    'review.agenda.changes.summary_one': '{{count}} 件、ペア {{percent}}',
    'review.agenda.changes.summary_other': '{{count}} 件、ペア {{percent}}',
    'review.agenda.changes.empty':
      'チームのサービスの本番作業は記録されていません。',
    'review.agenda.changes.notable':
      '一人での作業、時間外の作業、失敗した作業、アラートが続いた作業',
    'review.agenda.changes.noneNotable':
      'どの作業もペアで、業務時間内に行われ、成功し、アラートも続きませんでした。',
    'review.agenda.changes.more_one':
      'ほかに {{count}} 件（一覧には出していません）',
    'review.agenda.changes.more_other':
      'ほかに {{count}} 件（一覧には出していません）',
    'review.agenda.backupsDrills.title': 'バックアップと訓練',
    'review.agenda.backupsDrills.summary':
      'バックアップ未検証 {{gaps}} サービス、訓練実施 {{done}} 件、予定 {{due}} 件',
    'review.agenda.backupsDrills.gaps': '検証できていないバックアップ',
    'review.agenda.backupsDrills.noGaps':
      'すべてのサービスでバックアップのチェックに合格しています。',
    'review.agenda.backupsDrills.staleRunbooks': '更新されていないランブック',
    'review.agenda.backupsDrills.noStaleRunbooks':
      '古くなったランブックはありません。',
    'review.agenda.backupsDrills.done': '前回のレビュー以降の訓練',
    'review.agenda.backupsDrills.noneDone':
      '前回のレビュー以降、訓練は行われていません。',
    'review.agenda.backupsDrills.drill_one':
      '{{date}} · {{scenario}} · 参加 {{count}} 人',
    'review.agenda.backupsDrills.drill_other':
      '{{date}} · {{scenario}} · 参加 {{count}} 人',
    'review.agenda.backupsDrills.due': '実施時期の訓練',
    'review.agenda.backupsDrills.noneDue': '実施時期を迎えた訓練はありません。',
    'review.agenda.backupsDrills.dueSince': '{{scenario}}: 前回 {{date}}',
    'review.agenda.backupsDrills.neverDrilled': '{{scenario}}: 未実施',
    'review.agenda.activity.title': 'メンバーの活動',
    'review.agenda.activity.summary_one': '{{count}} 人',
    'review.agenda.activity.summary_other': '{{count}} 人',
    'review.agenda.activity.empty':
      'カタログ上、このチームにはメンバーがいません。',
    'review.agenda.activity.label': 'メンバーごとの活動',
    'review.agenda.activity.columns.member': 'メンバー',
    'review.agenda.activity.columns.commits': 'コミットしたサービス',
    'review.agenda.activity.columns.acknowledged': '確認したアラート',
    'review.agenda.activity.columns.decisions': 'アクセスの判断',
    'review.agenda.activity.lastCommit': '最終コミット {{date}}',
    'review.notes.title': 'メモ',
    'review.notes.label': 'メモ（Markdown）',
    'review.notes.save': 'メモを保存',
    'review.notes.unsaved': '未保存',
    'review.notes.saveFailed': 'メモを保存できませんでした: {{error}}',
    'review.notes.saved': 'メモを保存しました',
    'review.notes.conflict':
      'メモは保存されませんでした: {{error}}。再読み込みすると最新の内容を表示します（残したい文章は先にコピーしてください）。',
    'review.notes.reload': '再読み込み',
    'review.notes.preview': 'プレビュー',
    'review.notes.empty': 'メモはまだありません。',
    'review.actions.title': 'アクションアイテム',
    'review.actions.none': '未完了のアクションアイテムはありません。',
    'review.actions.label': '未完了のアクションアイテム',
    'review.actions.carriedOver': '{{date}} のレビューから引き継ぎ',
    'review.actions.carriedOverUnknown': '以前のレビューから引き継ぎ',
    'review.actions.fromDrill': '訓練から',
    'review.actions.unassigned': '担当者未定',
    'review.actions.due': '期限 {{date}}',
    'review.actions.overdue': '期限切れ（{{date}}）',
    'review.actions.done': '完了',
    'review.actions.drop': '取り下げ',
    'review.actions.doneLabel': '「{{title}}」を完了にする',
    'review.actions.dropLabel': '「{{title}}」を取り下げる',
    'review.actions.updateFailed':
      '「{{title}}」を更新できませんでした: {{error}}',
    'review.actions.updated': '「{{title}}」: {{status}}',
    'review.actions.status.open': '未完了',
    'review.actions.status.done': '完了',
    'review.actions.status.dropped': '取り下げ',
    'review.actions.form.title': 'アクションアイテムを追加',
    'review.actions.form.itemTitle': 'タイトル',
    'review.actions.form.owner': '担当者',
    'review.actions.form.due': '期限',
    'review.actions.form.link': 'リンク（Jira、GitHub など）',
    'review.actions.form.add': '追加',
    'review.actions.form.failed':
      'アクションアイテムを追加できませんでした: {{error}}',
    'review.actions.form.added': 'アクションアイテムを追加しました: {{title}}',
    'review.history.title': '過去のレビュー',
    'review.history.none': '完了したレビューはまだありません。',
    'review.history.label': '過去のレビュー',
    'review.history.attendees_one': '参加者 {{count}} 人',
    'review.history.attendees_other': '参加者 {{count}} 人',
    'review.history.reviewOf': '{{date}} のレビュー',
    'review.history.finished': '{{at}} に {{by}} が完了',
    'review.history.abandoned': '{{at}} に {{by}} が中止',
    'review.history.noNotes': 'メモはありません。',
    'review.history.actionItems': 'このレビューで挙がったアクションアイテム',
    'review.history.noActionItems': 'アクションアイテムは挙がりませんでした。',

    'access.pageTitle': 'アクセスレビュー',
    'access.nav.label': 'アクセスレビューのページ',
    'access.nav.campaigns': 'すべての棚卸し',
    'access.nav.tasks': '自分の判断待ち',
    'access.state.open': '実施中',
    'access.state.closed': '承認済み',
    'access.progress.label': '判断済みの項目',
    'access.progress.decided': '{{total}} 件中 {{decided}} 件判断済み',
    'access.progress.byReviewer': 'レビュアー別',
    'access.progress.reviewer': '{{name}}: {{total}} 件中 {{decided}} 件',
    'access.progress.yours': 'あなたの項目',
    'access.due': '期限 {{date}}',
    'access.overdue': '期限超過（{{date}}）',
    'access.noDue': '期限なし',
    'access.list.intro':
      '棚卸しは、{{annotation}} アノテーションを持つ各 Resource に誰がアクセスできるかをその時点で固定します。Resource のオーナーが権限ごとに継続・剥奪・移譲を判断し、承認すると判断が監査証跡として確定します。',
    'access.list.label': 'アクセスレビューの棚卸し一覧',
    'access.list.start': '棚卸しを開始',
    'access.list.columns.title': '棚卸し',
    'access.list.columns.state': '状態',
    'access.list.columns.due': '期限',
    'access.list.columns.progress': '進捗',
    'access.list.columns.created': '開始',
    'access.list.created': '{{at}}（{{by}}）',
    'access.list.emptyTitle': '棚卸しはまだありません',
    'access.list.emptyDescription':
      '棚卸しを開始して、誰がアクセスできるかを確認しましょう。対象になるのは、アクセス元（例: github-org:acme）を示す {{annotation}} アノテーションを持つ Resource です。',
    'access.start.title': 'アクセスレビューの棚卸しを開始',
    'access.start.help':
      '{{annotation}} アノテーションを持つすべての Resource について、現時点で誰がアクセスできるかを写し取ります。判断はこの一覧に対して行います。',
    'access.start.titleLabel': 'タイトル',
    'access.start.dueLabel': '期限',
    'access.start.cancel': 'キャンセル',
    'access.start.confirm': '開始',
    'access.start.failed': '棚卸しを開始できませんでした: {{error}}',
    'access.start.started_one': '「{{title}}」を {{count}} 件で開始しました',
    'access.start.started_other': '「{{title}}」を {{count}} 件で開始しました',
    'access.campaign.notFoundTitle': '棚卸しが見つかりません',
    'access.campaign.notFound':
      'アクセスレビューの棚卸し {{id}} はありません。リンクが間違っている可能性があります。棚卸しの一覧からすべて開けます。',
    'access.campaign.started': '{{at}} に {{by}} が開始',
    'access.campaign.frozen': '{{at}} 時点の権限一覧',
    'access.campaign.signedOff': '{{at}} に {{by}} が承認',
    'access.campaign.readOnly': '判断は確定しており、変更できません。',
    'access.campaign.sourceFailed':
      '{{resource}}（{{source}}）はこの棚卸しに含まれていません。アクセス元の取得に失敗しました: {{error}}',
    'access.campaign.signOff': '承認して完了',
    'access.campaign.exportCsv': 'CSV をエクスポート',
    'access.campaign.exportJson': 'JSON をエクスポート',
    'access.campaign.exportFailed':
      '証跡をエクスポートできませんでした: {{error}}',
    'access.signOff.title': '棚卸しを承認して完了しますか？',
    'access.signOff.description':
      '承認するとすべての判断が確定します。証跡には判断とともに、承認者としてあなたの名前と日時が残ります。',
    'access.signOff.undecided_one':
      '未判断の項目が {{count}} 件あります。すべての項目を判断すると承認できます。',
    'access.signOff.undecided_other':
      '未判断の項目が {{count}} 件あります。すべての項目を判断すると承認できます。',
    'access.signOff.cancel': 'キャンセル',
    'access.signOff.confirm': '承認して完了',
    'access.signOff.failed': '承認できませんでした: {{error}}',
    'access.signOff.done': '「{{title}}」を承認しました。判断は確定しました',
    'access.filters.label': '項目の絞り込み',
    'access.filters.stale': '長期未使用（{{days}} 日超、または未使用）',
    'access.filters.unmatched': 'カタログに該当者なし',
    'access.filters.admin': '管理者権限',
    'access.filters.status': '判断',
    'access.filters.statuses.all': 'すべて',
    'access.filters.statuses.undecided': '未判断',
    'access.filters.statuses.decided': '判断済み',
    'access.filters.shown': '{{total}} 件中 {{shown}} 件を表示',
    'access.items.title': '項目',
    'access.items.label': 'アクセスレビューの項目',
    'access.items.empty': 'この棚卸しには項目がありません。',
    'access.items.noMatch': '絞り込みに一致する項目はありません。',
    'access.items.columns.principal': 'アカウント',
    'access.items.columns.person': '人',
    'access.items.columns.resource': 'リソース',
    'access.items.columns.privilege': '権限',
    'access.items.columns.lastUsed': '最終利用',
    'access.items.columns.flags': 'フラグ',
    'access.items.columns.reviewers': 'レビュアー',
    'access.items.columns.decision': '判断',
    'access.items.columns.actions': '判断する',
    'access.items.select': '{{resource}} の {{principal}} を選択',
    'access.items.selectAll': '表示中の、自分が判断できる項目をすべて選択',
    'access.items.noPerson': 'カタログに該当者なし',
    'access.items.never': '未使用',
    'access.items.unknown': '不明',
    'access.items.noReviewers': 'なし',
    'access.items.undecided': '未判断',
    'access.items.decided.keep': '継続',
    'access.items.decided.revoke': '剥奪',
    'access.items.decided.transfer': '移譲',
    'access.items.transferTo': '移譲先: {{user}}',
    'access.items.decidedBy': '{{by}}（{{at}}）',
    'access.items.yourAccess': '自分のアクセス権: 他のレビュアーが判断します',
    'access.items.decideLabel': '{{resource}} の {{principal}} を判断',
    'access.flags.no-person-in-catalog': 'カタログに該当者なし',
    'access.flags.never-used': '未使用',
    'access.flags.admin-privilege': '管理者権限',
    'access.flags.two-factor-disabled': '2 要素認証が無効',
    'access.flags.outside-collaborator': '外部コラボレーター',
    'access.flags.no-mfa': 'MFA なし',
    'access.flags.console-password': 'コンソールパスワードあり',
    'access.flags.active-access-key': '有効なアクセスキー',
    'access.flags.stale': '長期未使用',
    'access.decisions.keep': '継続',
    'access.decisions.revoke': '剥奪',
    'access.decisions.transfer': '移譲',
    'access.bulk.label': '選択した項目をまとめて判断',
    'access.bulk.selected_one': '{{count}} 件を選択中',
    'access.bulk.selected_other': '{{count}} 件を選択中',
    'access.bulk.clear': '選択を解除',
    'access.decide.title.keep': 'アクセス権を継続',
    'access.decide.title.revoke': 'アクセス権を剥奪',
    'access.decide.title.transfer': 'アクセス権を移譲',
    'access.decide.item': '{{resource}} の {{principal}}（{{privilege}}）',
    'access.decide.items_one': '{{count}} 件の項目',
    'access.decide.items_other': '{{count}} 件の項目',
    'access.decide.transferTo': '移譲先',
    'access.decide.transferToHelp': 'アクセス権を引き継ぐカタログのユーザー',
    'access.decide.picker.open': 'ユーザーを表示',
    'access.decide.picker.close': 'ユーザーを隠す',
    'access.decide.picker.clear': 'ユーザーをクリア',
    'access.decide.picker.noOptions': 'カタログにそのユーザーはいません',
    'access.decide.picker.loading': 'ユーザーを読み込み中…',
    'access.decide.comment': 'コメント',
    'access.decide.commentOptional': '任意: 監査ログに残す理由',
    'access.decide.transferToRequired':
      'アクセス権を引き継ぐユーザーを指定してください。',
    'access.decide.commentForTransfer':
      '移譲には、理由と引き継ぐ内容を書いたコメントが必要です。',
    'access.decide.commentForStale':
      '{{days}} 日を超えて使われていないアクセス権を継続するには、理由を書いたコメントが必要です。',
    'access.decide.cancel': 'キャンセル',
    'access.decide.confirm': '判断を保存',
    'access.decide.failed': '判断を保存できませんでした: {{error}}',
    'access.decide.saved': '{{resource}} の {{principal}}: {{decision}}',
    'access.decide.savedMany_one': '{{count}} 件: {{decision}}',
    'access.decide.savedMany_other': '{{count}} 件: {{decision}}',
    'access.audit.title': '監査ログ',
    'access.audit.label': '監査ログ',
    'access.audit.empty': 'まだ記録はありません。',
    'access.audit.columns.at': '日時',
    'access.audit.columns.actor': '実行者',
    'access.audit.columns.action': '操作',
    'access.audit.columns.details': '詳細',
    'access.audit.actions.campaign-created': '棚卸しを開始',
    'access.audit.actions.campaign-closed': '承認',
    'access.audit.actions.decision-made': '判断',
    'access.audit.actions.decision-changed': '判断を変更',
    'access.audit.actions.evidence-downloaded': '証跡をダウンロード',
    'access.audit.created_one': '「{{title}}」: {{resources}} の {{count}} 件',
    'access.audit.created_other':
      '「{{title}}」: {{resources}} の {{count}} 件',
    'access.audit.decision': '{{resource}} の {{principal}}: {{decision}}',
    'access.audit.changed':
      '{{resource}} の {{principal}}: {{from}} → {{decision}}',
    'access.audit.transferTo': '移譲先: {{user}}',
    'access.audit.comment': '「{{comment}}」',
    'access.audit.closed':
      '継続 {{keep}} 件、剥奪 {{revoke}} 件、移譲 {{transfer}} 件',
    'access.audit.evidence': '形式: {{format}}',
    'access.tasks.intro':
      '実施中の棚卸しで、あなたの判断を待っている項目です。判断した項目はこの一覧から消えます。棚卸しが承認されるまでは、棚卸しのページで判断を変更できます。',
    'access.tasks.emptyTitle': '判断待ちはありません',
    'access.tasks.emptyDescription':
      '実施中の棚卸しに、あなたの判断を待っている項目はありません。',
    'access.tasks.campaignLabel': '{{title}} のあなたの項目',

    'admin.pageTitle': 'Baton 管理',
    'admin.sources.title': 'データソース',
    'admin.sources.intro':
      '設定された各データソースと定期取得について、最後に成功した時刻、取り込んだ件数、最後のエラーを示します。カードの表示がおかしい・古いときは、まずここを確認してください。',
    'admin.sources.label': 'データソースと定期取得',
    'admin.sources.columns.source': 'ソース',
    'admin.sources.columns.state': '状態',
    'admin.sources.columns.kind': '用途',
    'admin.sources.columns.provider': 'モジュール',
    'admin.sources.columns.lastSuccess': '最終成功',
    'admin.sources.columns.counts': '最終件数',
    'admin.sources.columns.lastError': '最終エラー',
    'admin.sources.state.ok': '正常',
    'admin.sources.state.recovered': '復旧済み',
    'admin.sources.state.partial': '一部失敗',
    'admin.sources.state.failing': '失敗中',
    'admin.sources.state.never': '未実行',
    'admin.sources.kind.knowledge': 'コードの知識',
    'admin.sources.kind.slo': 'SLO',
    'admin.sources.kind.alerts': 'アラート',
    'admin.sources.kind.cost': 'コスト',
    'admin.sources.kind.access': 'アクセスレビュー',
    'admin.sources.kind.changes': '本番変更',
    'admin.sources.kind.backups': 'バックアップ',
    'admin.sources.kind.drills': '訓練',
    'admin.sources.trigger.schedule': '定期実行',
    'admin.sources.trigger.webhook': 'Webhook',
    'admin.sources.kindAndTrigger': '{{kind}}（{{trigger}}）',
    'admin.sources.tasks.knowledgeRefresh': '知識の更新',
    'admin.sources.tasks.sloEvaluation': 'SLO の評価',
    'admin.sources.tasks.alertPoll': 'アラートの取得と再割り当て',
    'admin.sources.tasks.costPull': 'コストの取得',
    'admin.sources.tasks.accessReminders': 'アクセスレビューのリマインド',
    'admin.sources.tasks.accessCampaign': '定期アクセスレビュー棚卸しの開始',
    'admin.sources.tasks.changePull': '本番変更の取得',
    'admin.sources.tasks.backupPull': 'バックアップの取得',
    'admin.sources.tasks.drillImport': '訓練の取り込み',
    'admin.sources.names.cost': 'コストソース {{name}}',
    'admin.sources.names.alertPoller': 'アラート取得 {{name}}',
    'admin.sources.names.webhook': '{{name}} の Webhook',
    'admin.sources.names.changeSource': '変更ソース {{name}}',
    'admin.sources.names.backupSource': 'バックアップソース {{name}}',
    'admin.sources.names.drillSource': '訓練ソース {{name}}',
    'admin.sources.counts.rows_one': '{{count}} 行',
    'admin.sources.counts.rows_other': '{{count}} 行',
    'admin.sources.counts.alerts_one': '{{count}} 件のアラートを保存',
    'admin.sources.counts.alerts_other': '{{count}} 件のアラートを保存',
    'admin.sources.counts.received_one': '{{count}} 件受信',
    'admin.sources.counts.received_other': '{{count}} 件受信',
    'admin.sources.counts.remapped_one': '{{count}} 件再割り当て',
    'admin.sources.counts.remapped_other': '{{count}} 件再割り当て',
    'admin.sources.counts.entities_one': '{{count}} エンティティ',
    'admin.sources.counts.entities_other': '{{count}} エンティティ',
    'admin.sources.counts.failed_one': '{{count}} 件失敗',
    'admin.sources.counts.failed_other': '{{count}} 件失敗',
    'admin.sources.counts.reviewers_one': '{{count}} 人にリマインド',
    'admin.sources.counts.reviewers_other': '{{count}} 人にリマインド',
    'admin.sources.counts.campaigns_one': '{{count}} 件の棚卸しを開始',
    'admin.sources.counts.campaigns_other': '{{count}} 件の棚卸しを開始',
    'admin.sources.counts.resources_one': '保護対象リソース {{count}} 件',
    'admin.sources.counts.resources_other': '保護対象リソース {{count}} 件',
    'admin.sources.never': 'なし',
    'admin.sources.noError': 'なし',
    'admin.sources.emptyTitle': 'データソースがありません',
    'admin.sources.emptyDescription':
      '定期取得が動いておらず、ソース・取得・シークレット付き Webhook を登録したバックエンドモジュールもありません。',
    'admin.sources.notAllowedTitle':
      'データソースは Baton 管理者だけが見られます',
    'admin.sources.notAllowed':
      'データソースのエラーにはホスト名や設定が含まれるため、{{config}} に含まれるユーザーとグループにだけ表示されます。管理者に、あなたかあなたのグループをアプリ設定の {{config}} に追加するよう依頼してください。',
    'changes.card.title': '本番変更',
    'changes.card.subheader': '{{from}}〜{{to}}',
    'changes.card.range': '期間',
    'changes.card.rangeDays': '直近 {{days}} 日',
    'changes.card.emptyTitle': '{{date}} 以降の変更はありません',
    'changes.card.emptyDescription':
      'この期間に、このエンティティの本番変更は記録されていません。変更は GitHub のデプロイ、HCP Terraform の実行、Webhook、{{cli}} から記録されます。',
    'changes.card.unsupportedTitle':
      'この種類のエンティティには変更がありません',
    'changes.card.unsupportedKind':
      'Baton はコンポーネント、システム、リソースの本番変更を記録します。{{kind}} には独自の変更はありません。',
    'changes.card.notConfiguredTitle':
      'このエンティティに届く変更ソースがまだありません',
    'changes.card.notConfiguredDescription':
      'エンティティにアノテーション {{repos}}（デプロイを変更として扱うリポジトリ）、{{iac}}（インフラのコード）、{{workspaces}}（HCP Terraform のワークスペース）のいずれかを追加してください。手作業の変更は {{cli}} で記録でき、どの CI/CD からも Webhook に送れます。',
    'changes.summary.label': '変更のまとめ',
    'changes.summary.total': '変更',
    'changes.summary.paired': 'ペア率',
    'changes.summary.pairedValue': '{{share}}（{{total}} 件中 {{paired}} 件）',
    'changes.summary.pairedHelp':
      '実行者以外の誰かが同席または承認した変更の割合です。',
    'changes.summary.notApplicable': '—',
    'changes.summary.offHours': '時間外',
    'changes.summary.offHoursHelp': 'チームの業務時間外に始まった変更です。',
    'changes.summary.unreviewed': '手順未レビュー',
    'changes.summary.unreviewedHelp':
      '手順書がない、または作成者以外の誰もレビューしていない変更です。',
    'changes.summary.followedByAlerts': '直後にアラート',
    'changes.summary.followedByAlertsHelp':
      '開始後のウィンドウ内に、同じエンティティでアラートが発火した変更です。',
    'changes.summary.failed': '失敗',
    'changes.summary.failedHelp': '失敗した、またはロールバックした変更です。',
    'changes.list.label': '変更',
    'changes.list.started': '{{date}} 開始',
    'changes.list.environment': '環境: {{environment}}',
    'changes.list.operators': '実行者',
    'changes.list.pairs': 'ペア',
    'changes.list.procedureReviewers': '手順のレビュアー',
    'changes.list.nobody': 'なし',
    'changes.list.unmatched': 'カタログに未登録',
    'changes.list.unmatchedHelp':
      'ソースはこの人を {{identity}} としていますが、どのカタログユーザーにも一致しません。',
    'changes.list.plan':
      'プラン: 追加 {{add}}、変更 {{change}}、削除 {{destroy}}',
    'changes.list.workspace': 'ワークスペース {{workspace}}',
    'changes.list.applyTime': 'apply 所要時間 {{duration}}',
    'changes.list.procedure': '手順書',
    'changes.list.alertsAfter': 'この変更の後のアラート',
    'changes.list.alertAt': '{{title}}（{{date}}）',
    'changes.list.links': 'リンク',
    'changes.kind.terraform-apply': 'Terraform apply',
    'changes.kind.deploy': 'デプロイ',
    'changes.kind.maintenance': 'メンテナンス',
    'changes.kind.db-migration': 'DB マイグレーション',
    'changes.kind.config': '設定変更',
    'changes.kind.other': 'その他の変更',
    'changes.outcome.succeeded': '成功',
    'changes.outcome.failed': '失敗',
    'changes.outcome.rolled-back': 'ロールバック',
    'changes.outcome.in-progress': '実行中',
    'changes.chip.paired': 'ペア',
    'changes.chip.pairedHelp': '{{people}} と一緒に実施しました。',
    'changes.chip.solo': '単独',
    'changes.chip.soloHelp': '実行者以外の誰も同席も承認もしていない変更です。',
    'changes.chip.reviewed': '手順レビュー済み',
    'changes.chip.reviewedHelp': '手順は {{people}} がレビューしました。',
    'changes.chip.unreviewed': '手順未レビュー',
    'changes.chip.unreviewedHelp':
      '手順書がない、または作成者以外の誰もレビューしていません。',
    'changes.chip.offHours': '時間外',
    'changes.chip.offHoursHelp': '担当チームの業務時間外に始まりました。',
    'changes.chip.followedByAlerts_one': '直後にアラート {{count}} 件',
    'changes.chip.followedByAlerts_other': '直後にアラート {{count}} 件',
    'changes.chip.followedByAlertsHelp':
      'この変更が原因の可能性があります: {{titles}}',
    'changes.chip.label': 'ルールの判定',
    'changes.why.show': '根拠を表示',
    'changes.why.hide': '根拠を隠す',
    'changes.why.range':
      '{{from}}〜{{to}} に始まった、このエンティティの変更です（新しい順）。すべてのソース（GitHub のデプロイ、HCP Terraform の実行、Webhook、{{cli}}）から集めています。',
    'changes.why.solo':
      '単独: 実行者以外の誰も同席も承認もしていない変更です。実行者は自分のペアにはなれません。ペア率は単独でなかった変更の割合です。',
    'changes.why.unreviewed':
      '手順未レビュー: 手順書がない、または作成者以外の誰もレビューしていない変更です。',
    'changes.why.offHours':
      '時間外: 担当チームの業務時間（{{days}}、{{start}}〜{{end}}、{{timeZone}}）の外に始まった変更です。',
    'changes.why.holidays_one': '登録された休日 {{count}} 日も時間外です。',
    'changes.why.holidays_other': '登録された休日 {{count}} 日も時間外です。',
    'changes.why.followedByAlerts':
      '直後にアラート: 変更の開始から {{minutes}} 分以内に、変更したエンティティのいずれかでアラートが発火しました。変更が原因の可能性があります。',
    'changes.why.people':
      '人は GitHub ログイン、メールアドレス、HCP Terraform のユーザー名、名前でカタログのユーザーと照合します。カタログにいない人はソースが示したとおりに表示し、印を付けます。',
    'changes.team.tabTitle': '変更',
    'changes.team.title': 'チームの本番変更',
    'changes.team.subheader': 'チームが担当するサービス全体、{{from}}〜{{to}}',
    'changes.team.emptyTitle': '{{date}} 以降の変更はありません',
    'changes.team.emptyDescription':
      'この期間に、チームのサービスの本番変更は記録されていません。',
    'changes.team.people.title': '本番を操作している人',
    'changes.team.people.label': '人ごとの変更',
    'changes.team.people.person': '人',
    'changes.team.people.operated': '実行',
    'changes.team.people.operatedPaired': 'ペアありで実行',
    'changes.team.people.pairedOn': 'ペアとして参加',
    'changes.team.people.offHours': '時間外',
    'changes.team.people.none':
      'この期間に変更を実行した人もペアになった人もいません。',
    'changes.team.solo.title': '単独の変更',
    'changes.team.solo.none': 'この期間に単独の変更はありません。',
    'changes.team.apply.title': 'Terraform apply の所要時間',
    'changes.team.apply.none':
      'ウィンドウ内に所要時間付きの Terraform apply はありません。',
    'changes.team.apply.chartTitle': '{{workspace}} の apply 所要時間',
    'changes.team.apply.chartLabel': '{{workspace}} の各 apply の所要時間',
    'changes.team.apply.seconds': 'apply 所要時間',
    'changes.team.apply.rising':
      '増加中: apply 所要時間の中央値は、ウィンドウの前半 {{earlier}}、後半 {{later}}（+{{percent}}%）です。state が大きくなるとすべての apply が遅くなります。分割を検討してください。',
    'changes.team.apply.steady':
      '増加していません: apply 所要時間の中央値は、ウィンドウの前半 {{earlier}}、後半 {{later}}（{{percent}}%）です。',
    'changes.team.apply.tooFew':
      'ウィンドウ内の apply が少なく、傾向は判断できません。',
    'changes.team.apply.risingChip': '増加中',

    'backups.checkLink': 'バックアップを見る',
    'backups.card.title': 'バックアップ',
    'backups.card.subheader':
      '{{days}}日以内のコピーを有効とする · タグ {{selector}} のリソース',
    'backups.card.unsupportedTitle':
      'この種類のエンティティにはバックアップがありません',
    'backups.card.unsupportedKind':
      'Baton はコンポーネントとリソースのバックアップを表示します。{{kind}} 自体にはバックアップがありません。',
    'backups.card.notConfiguredTitle':
      'このポータルにはバックアップソースが設定されていません',
    'backups.card.notConfiguredDescription':
      'バックエンドにバックアップソース（{{module}} など）が入るまで、何も検証できません。ソースはこのエンティティのリソースをタグ {{selector}}（別のタグはアノテーション {{selectorAnnotation}} で指定）と、{{resourcesAnnotation}} に列挙された ARN で見つけます。',
    'backups.card.emptyTitle':
      'このエンティティに対応する保護対象リソースはありません',
    'backups.card.emptyDescription':
      'バックアップソースは、タグ {{selector}} の付いたリソースも {{resourcesAnnotation}} に列挙されたリソースも保護していません。リソースにタグ {{selector}} を付けるか、{{selectorAnnotation}} で別のタグを指定するか、{{resourcesAnnotation}} に ARN を列挙してください。',
    'backups.list.label': '保護対象リソース',
    'backups.list.location': '{{type}} · アカウント {{account}} · {{region}}',
    'backups.list.lastBackup': '最後のバックアップ',
    'backups.list.noBackup': 'ソースの遡及期間内に完了したものはありません',
    'backups.list.failedBackup': '最後に失敗したバックアップ',
    'backups.list.crossRegion': '別リージョンへのコピー',
    'backups.list.crossAccount': '別アカウントへのコピー',
    'backups.list.noCopy': 'なし',
    'backups.list.localCopy': '同じアカウント・リージョン内のコピー',
    'backups.list.neither':
      '{{copy}}（別リージョンにも別アカウントにも当たりません）',
    'backups.list.destination': '{{region}}（アカウント {{account}}）',
    'backups.list.copyTo': '{{date}} に {{destination}} へ',
    'backups.list.failingCopy': '失敗しているコピー',
    'backups.list.failedCopy': '{{destination}} へ、{{date}}: {{state}}',
    'backups.list.failedBackupAt': '{{date}}: {{state}}',
    'backups.list.lastRestore': '最後の復元',
    'backups.list.neverRestored': 'なし',
    'backups.list.restore': '{{date}} · {{how}} · {{state}}',
    'backups.list.restoreValidated':
      '{{date}} · {{how}} · {{state}}、検証 {{validation}}',
    'backups.list.restoreTesting': '復元テスト',
    'backups.list.restoreByHand': '手動',
    'backups.list.seen': '{{source}} が {{date}} に確認。{{matched}}',
    'backups.list.matchedByArn': 'ARN で列挙',
    'backups.list.matchedByTags': 'タグで対応',
    'backups.history.show': 'コピーの履歴',
    'backups.history.hide': 'コピーの履歴を閉じる',
    'backups.history.label': 'コピーの履歴',
    'backups.history.pulls_one': '{{to}}',
    'backups.history.pulls_other':
      '{{from}} – {{to}}（{{count}} 回の取得で同じ内容）',
    'backups.history.crossRegion': '別リージョン: {{copy}}',
    'backups.history.crossAccount': '別アカウント: {{copy}}',
    'backups.history.noCopy': 'なし',
    'backups.history.copyVerified': '{{date}}（期間内）',
    'backups.history.copyTooOld': '{{date}}（古すぎる）',
    'backups.history.failing_one': '失敗中のコピー 1 件',
    'backups.history.failing_other': '失敗中のコピー {{count}} 件',
    'backups.history.restore': '{{date}} にリストア: {{state}}',
    'backups.history.neverRestored': 'リストアなし',
    'backups.history.empty':
      '過去 {{days}} 日の取得にこのリソースはありません。',
    'backups.history.older': 'さらに古い取得を表示',
    'backups.history.error': '履歴を読めませんでした: {{message}}',
    'backups.state.COMPLETED': '完了',
    'backups.state.FAILED': '失敗',
    'backups.state.ABORTED': '中止',
    'backups.state.EXPIRED': '期限切れ',
    'backups.state.RUNNING': '実行中',
    'backups.state.PENDING': '待機中',
    'backups.state.CREATED': '作成済み',
    'backups.validation.SUCCESSFUL': '成功',
    'backups.validation.FAILED': '失敗',
    'backups.validation.TIMED_OUT': 'タイムアウト',
    'backups.validation.VALIDATING': '検証中',
    'backups.chip.label': '証跡からわかること',
    'backups.chip.crossRegionVerified': '別リージョン検証済み',
    'backups.chip.crossRegionVerifiedHelp':
      '{{date}} に {{region}} へのコピーが完了しました（{{days}}日以内）。',
    'backups.chip.crossRegionStale': '別リージョンのコピーが古い',
    'backups.chip.crossRegionStaleHelp':
      '別リージョン（{{region}}）への最後のコピーは {{date}} に完了しており、{{days}}日より前です。',
    'backups.chip.crossRegionMissing': '別リージョンのコピーなし',
    'backups.chip.crossRegionMissingHelp':
      '別リージョンのボールトへの完了したコピーは見つかっていません。',
    'backups.chip.crossAccountVerified': '別アカウント検証済み',
    'backups.chip.crossAccountVerifiedHelp':
      '{{date}} にアカウント {{account}} へのコピーが完了しました（{{days}}日以内）。',
    'backups.chip.crossAccountStale': '別アカウントのコピーが古い',
    'backups.chip.crossAccountStaleHelp':
      '別アカウント（{{account}}）への最後のコピーは {{date}} に完了しており、{{days}}日より前です。',
    'backups.chip.crossAccountMissing': '別アカウントのコピーなし',
    'backups.chip.crossAccountMissingHelp':
      '別アカウントのボールトへの完了したコピーは見つかっていません。',
    'backups.chip.copyFailing': 'コピー失敗中',
    'backups.chip.copyFailingHelp':
      '{{destinations}} への最新のコピージョブが失敗し、その後完了したものはありません。',
    'backups.chip.restoreTested': '復元テスト済み',
    'backups.chip.restoreTestedHelp': '{{date}} に復元テストが完了しました。',
    'backups.chip.restoredByHand': '手動で復元済み',
    'backups.chip.restoredByHandHelp':
      '{{date}} に手動で始めた復元が完了しました。',
    'backups.chip.restoreFailed': '復元失敗',
    'backups.chip.restoreFailedHelp':
      '最後の復元（{{date}}）は成功しませんでした。',
    'backups.chip.restoreRunning': '復元中',
    'backups.chip.restoreRunningHelp':
      '{{date}} に始まった復元はまだ終わっていません。',
    'backups.chip.neverRestored': '復元テストなし',
    'backups.chip.neverRestoredHelp':
      'リカバリーポイントを復元した記録がなく、このバックアップから復元できることを示すものがありません。',
    'backups.why.show': 'なぜ？',
    'backups.why.hide': '説明を閉じる',
    'backups.why.rule':
      'コピージョブが直近{{days}}日以内に完了していれば、そのコピーを有効とします。別リージョン: コピー先ボールトのリージョン（ARN から読み取り）がリソースと異なる。別アカウント: ボールトのアカウントがリソースと異なる。同じアカウント・同じリージョンのボールトはどちらにも当たりません。',
    'backups.why.failing':
      '最新のコピージョブが失敗し、その後完了したものがないコピー先は、失敗中として表示します。',
    'backups.why.restore':
      '各リソースの最後の復元（復元テスト計画によるもの、または手動）を証跡として表示します。準備度チェックはまだ復元を評価しません。',
    'backups.why.selector':
      'このエンティティのリソース: タグ {{selector}} の付いたもの、または {{resourcesAnnotation}} に ARN で列挙されたもの。',
    'drills.tabTitle': '訓練',
    'drills.pageTitle': '訓練',
    'drills.teamPicker': 'チーム',
    'drills.notGroupTitle': 'チームではありません',
    'drills.notGroup':
      '訓練は Group のページに置きます。{{kind}} はチームではありません。',
    'drills.notAllowed':
      'このチーム（またはその上位チーム）のメンバーだけが訓練を変更できますが、あなたはメンバーではありません（{{error}}）',
    'drills.checkLink': 'チームの訓練',
    'drills.plan': '訓練を計画',
    'drills.recordTookPlace': '実施済みの訓練を記録',
    'drills.scenario.restore-from-backup': 'バックアップからのリストア',
    'drills.scenario.region-failover': 'リージョンのフェイルオーバー',
    'drills.scenario.access-loss': '権限の喪失（管理者の不在）',
    'drills.scenario.on-call-handover': 'オンコールの引き継ぎ',
    'drills.scenario.other': 'その他',
    'drills.outcome.succeeded': '成功',
    'drills.outcome.partly-succeeded': '一部成功',
    'drills.outcome.failed': '失敗',
    'drills.due.title': '実施時期の訓練',
    'drills.due.subheader': 'サービスとシナリオごと、間隔: {{intervals}}',
    'drills.due.interval': '{{scenario}}は {{days}} 日ごと',
    'drills.due.none':
      '実施時期の訓練はありません。どのサービスも間隔内に訓練済みです。',
    'drills.due.label': '実施時期の訓練',
    'drills.due.service': 'サービス',
    'drills.due.scenario': 'シナリオ',
    'drills.due.last': '前回の訓練',
    'drills.due.dueSince': '実施時期',
    'drills.due.never': 'なし',
    'drills.due.neverDrilled': '今すぐ',
    'drills.list.title': '訓練',
    'drills.list.label': '訓練（新しい順）',
    'drills.list.emptyTitle': '訓練はまだありません',
    'drills.list.emptyDescription':
      '訓練を計画するか（バックアップからのリストア、リージョンのフェイルオーバー、管理者の不在、オンコールの引き継ぎ）、実施済みの訓練を記録してください。参加者つきで記録した訓練は、サービスの準備度に反映されます。',
    'drills.list.planned': '{{date}} に予定',
    'drills.list.plannedNoDay': '予定（日付未定）',
    'drills.list.performed': '{{date}} に実施',
    'drills.list.services': 'サービス',
    'drills.list.participants': '参加者',
    'drills.list.outcome': '結果',
    'drills.list.recovery': '復旧までの時間',
    'drills.list.notes': 'うまくいかなかったこと',
    'drills.list.noNotes': '記録なし。',
    'drills.list.actions': 'アクションアイテム',
    'drills.list.noActions': 'アクションアイテムはありません。',
    'drills.list.record': '記録',
    'drills.list.recordLabel': '「{{title}}」の結果を記録',
    'drills.list.addAction': 'アクションアイテムを追加',
    'drills.list.addActionLabel': '「{{title}}」にアクションアイテムを追加',
    'drills.list.actionFormTitle': 'この訓練にアクションアイテムを追加',
    'drills.list.hideAction': '閉じる',
    'drills.form.planTitle': '訓練を計画',
    'drills.form.tookPlaceTitle': '実施済みの訓練を記録',
    'drills.form.recordTitle': '「{{title}}」の結果を記録',
    'drills.form.scenario': 'シナリオ',
    'drills.form.title': 'タイトル',
    'drills.form.services': '対象のサービス',
    'drills.form.noServices':
      'チームが担当するサービスがカタログにありません。先に Component や Resource の spec.owner を設定してください。',
    'drills.form.day': '日付',
    'drills.form.performedAt': '実施日時',
    'drills.form.participants': '参加者',
    'drills.form.noMembers': 'カタログにチームのメンバーがいません。',
    'drills.form.outcome': '結果',
    'drills.form.recoveryMinutes': '復旧までの時間（分）',
    'drills.form.notes': 'うまくいかなかったこと、学んだこと',
    'drills.form.cancel': 'キャンセル',
    'drills.form.planSubmit': '計画',
    'drills.form.recordSubmit': '記録',
    'drills.form.failed': '訓練を保存できませんでした: {{error}}',
    'drills.form.planned': '訓練を計画しました: {{title}}',
    'drills.form.recorded': '訓練を記録しました: {{title}}',
  },
});

/**
 * Loaded by `sreTranslationRef` when the user picks 日本語; its `translations`
 * option types the module as the plain messages.
 */
export default ja.messages;
