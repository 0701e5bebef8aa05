// Every sentence the page says, in English and Japanese. Elements carry data-i18n (text),
// data-i18n-title, data-i18n-aria-label or data-i18n-placeholder and are filled by apply().
const STRINGS = {
  en: {
    title: "IAM Playground",
    tagline: "AWS IAM and STS, evaluated in your browser. Nothing you type leaves this page.",
    loading: "Loading the engine…", ready: "Engine {0} ready", failed: "The engine failed to start: {0}",
    new: "New", reset: "Reset", undo: "Undo", import: "Import", export: "Export", share: "Share",
    format: "Format", run: "Run", language: "Language", theme: "Theme",
    "theme.auto": "System", "theme.light": "Light", "theme.dark": "Dark",
    examples: "Examples", loadExample: "Load", scenario: "Scenario JSON", scenarioEditor: "Scenario JSON editor",
    findings: "Findings", noFindings: "No findings.", world: "The world", requests: "Requests",
    addRequest: "Add a request", noRequests: "The scenario has no requests yet: add one below.",
    notRunnable: "The scenario cannot run yet: see the findings under the editor.",
    staleResults: "The scenario cannot run as it is now: see the findings under the editor. Below are the results of its last version that could run.",
    running: "Evaluating…",
    "count.requests.one": "{0} request", "count.requests.other": "{0} requests", "count.allowed.other": "{0} allowed",
    "count.denied.other": "{0} denied", "count.errors.one": "{0} error", "count.errors.other": "{0} errors",
    "count.unmet.one": "{0} expectation unmet", "count.unmet.other": "{0} expectations unmet",
    "severity.error": "error", "severity.security-warning": "security warning", "severity.warning": "warning", "severity.suggestion": "suggestion",
    "decision.allowed": "Allowed", "decision.implicitDeny": "Implicit deny", "decision.explicitDeny": "Explicit deny", "decision.error": "Error",
    "expect.met": "as expected", "expect.unmet": "not as expected",
    explanation: "Explanation", explanationOf: "Explanation of request {0}: {1}", explanationOfN: "Explanation of request {0}", session: "Session", "session.arn": "ARN", "session.expires": "Expires at",
    "session.chained": "Chained", "session.mfa": "Created with MFA", "session.sourceIdentity": "Source identity",
    "session.tags": "Tags", "session.transitive": "Transitive tag keys", seconds: "{0} s after start",
    yes: "yes", no: "no", whatWouldChange: "What would change the outcome", policies: "Policies",
    "side.caller": "Caller's side (identity-based policies)", "side.resource": "Resource's side (trust or resource policy)",
    noStatements: "No statements.", briefExplanation: "The rest of the explanation appears when the scenario runs again.", statementN: "Statement {0}", deciding: "deciding", applies: "applies",
    ownerAccount: "Owner account (S3 ARNs name none)",
    doesNotApply: "does not apply",
    "ptype.identity-based policy": "identity-based policy", "ptype.role trust policy": "role trust policy",
    "ptype.resource-based policy": "resource-based policy", "ptype.service control policy": "service control policy",
    "ptype.resource control policy": "resource control policy", "ptype.permissions boundary": "permissions boundary",
    "ptype.session policy": "session policy",
    "verdict.allow": "allow", "verdict.deny": "deny", "verdict.noMatch": "no statement applies",
    actionStops: "The action does not match, so the rest of the statement is not evaluated.", showLine: "line {0}", showStatementLine: "{0} of {1}, line {2}", matched: "matched", notMatched: "not matched",
    contextKeys: "Request context", key: "Key", value: "Value", source: "Source",
    "source.derived": "derived", "source.request": "request", "source.override": "override",
    "kind.accounts": "Accounts", "kind.users": "Users", "kind.groups": "Groups", "kind.roles": "Roles", "kind.resources": "Resources",
    add: "Add", remove: "Remove", rename: "ARN", trust: "Trust policy", permissions: "Permission policies",
    boundary: "Permissions boundary", tags: "Tags", maxSession: "Maximum session duration (s)", resourcePolicy: "Resource policy",
    policyN: "Policy {0}", namedPolicy: "Named policy: {0}", none: "None.", invalidJson: "Not valid JSON yet.", invalidJsonAt: "Not valid JSON yet: line {0}, column {1}: {2}",
    addPolicy: "Add a policy", addBoundary: "Add a boundary", addTrust: "Add a trust policy", organization: "Organization",
    accountId: "Account ID", accountName: "Name",
    "req.kind": "Kind of request", "req.assumeRole": "AssumeRole", "req.webIdentity": "AssumeRoleWithWebIdentity (GitHub Actions)",
    "req.passRole": "Service call that passes a role", "req.other": "Any other action",
    "req.sessionToken": "GetSessionToken (temporary credentials, MFA)", "req.federationToken": "GetFederationToken (a federated user)",
    "req.federatedName": "Name (the federated user's)", "req.withToken": "With the principal's GetSessionToken credentials (\"credentials\": \"GetSessionToken\")",
    "req.name": "Name", "req.principal": "Principal ARN", "req.role": "Role ARN", "req.action": "Action", "req.resource": "Resource ARN",
    "req.sessionName": "RoleSessionName", "req.duration": "DurationSeconds", "req.externalId": "ExternalId",
    "req.mfa": "Signed in with MFA (SerialNumber and TokenCode)", "req.sessionPolicy": "Session policy (JSON)",
    "req.tags": "Session tags (key=value, one per line)", "req.transitive": "Transitive tag keys (comma-separated)",
    "req.sourceIdentity": "SourceIdentity", "req.org": "GitHub organization or user", "req.repo": "Repository",
    "req.branch": "Branch", "req.environment": "Environment (optional)", "req.audience": "Audience",
    "req.service": "Service call", "req.passedRole": "Role to pass", "req.context": "Context keys (key=value, one per line)",
    "req.expect": "Expected decision", "req.expectNone": "(none)", "req.add": "Add the request", "req.added": "Request added.",
    "req.badSessionPolicy": "The session policy is not valid JSON.",
    "req.required": "{0} is required for this kind of request.",
    "req.noInstanceProfile": "EC2 is passed a role through an instance profile, and the role {0} lists none in the scenario: add its instance profile ARN to the role's instanceProfiles.", "req.badDuration": "DurationSeconds is a whole number of seconds.",
    "req.notAdded": "The request was not added: the scenario is not valid JSON yet (see the findings under the editor).",
    linkCopied: "Link copied to the clipboard.", shareLink: "Share link", linkShown: "Copy this link:", linkRefused: "This link cannot be opened: {0}. Your work is unchanged.",
    linkTooLarge: "This scenario is too large to share as a link (a link would be over 256 KiB, more than the page can open). Use Export to save it as a file and share the file instead.",
    linkOpened: "Opened the scenario from the link.", linkOpenedKept: "Opened the scenario from the link. The scenario you had is kept.",
    restoreBeforeLink: "Restore my previous scenario", restoredBeforeLink: "Restored the scenario you had before opening the link.",
    beforeLinkKept: "The scenario you had before opening a share link is kept in this browser.",
    discardBeforeLink: "Discard it", discardedBeforeLink: "Discarded the scenario you had before opening the link.",
    otherTab: "Another tab of this page saved a different version of the scenario. This tab's changes are not saved until you choose which version to keep.",
    otherTabLoad: "Load the other tab's version", otherTabKeep: "Keep this tab's version",
    otherTabLoaded: "Loaded the version saved in the other tab. Undo brings back this tab's.",
    otherTabKept: "Saved this tab's version in place of the other tab's.",
    ranStatus: "Ran the scenario: {0}.", listSeparator: ", ", sentenceGap: " ",
    "cannotRun.one": "The scenario cannot run: {0} error, listed under the editor.",
    "cannotRun.other": "The scenario cannot run: {0} errors, listed under the editor.",
    staleShown: "The results shown are those of its last version that could run.",
    exampleLoaded: "Loaded the example “{0}”.",
    newDone: "Started a new scenario.", resetDone: "Reset to the first example.", undone: "Restored the previous scenario.",
    imported: "Imported {0}.", importFailed: "That file could not be read: {0}",
    storageFailed: "Your work could not be saved in this browser (storage is full or unavailable). It is still here: export it to keep it.",
    formatFailed: "Cannot format: {0}", shortcuts: "Shortcuts: Ctrl+Enter run · Ctrl+Shift+F format · Ctrl+Shift+S share",
    dismiss: "Dismiss", toolbar: "Scenario actions",
    formatShortcut: "Format this JSON (Ctrl+Shift+F while editing it)", formatFailedAt: "Cannot format: line {0}, column {1}: {2}",
    "req.saml": "AssumeRoleWithSAML (SAML 2.0 federation)", "req.samlProvider": "SAML provider ARN (PrincipalArn)",
    "req.samlIssuer": "Issuer (iss)", "req.samlSubject": "Subject NameID (sub)", "req.samlSubjectType": "NameID format (sub_type)",
    "req.samlRecipient": "Recipient (SAML:aud)", "req.notGiven": "(not given)",
    "req.samlAttributes": "Other attributes (name=value, one per line)",
    "req.samlHint": "The assertion carries RoleSessionName, SourceIdentity, the session tags (PrincipalTag:KEY) and TransitiveTagKeys as attributes, as an identity provider sends them; other attributes, such as eduPersonAffiliation, become saml: condition keys (repeat a name for several values).",
    "org.none": "Not in an organization: no SCPs or RCPs apply.", "org.management": "The organization's management account (SCPs and RCPs do not affect it)", "org.join": "Add to an organization", "org.id": "Organization ID",
    "org.path": "Organization path, from the root to the account", "org.stray": "Attached to targets that are not on this path",
    "org.scpsTarget": "SCP target", "org.rcpsTarget": "RCP target", "org.addOu": "Add an OU above the account",
    "org.leave": "Remove from the organization", "org.level.root": "Root", "org.level.ou": "OU", "org.level.account": "Account",
    "org.scps": "Service control policies (SCPs)", "org.rcps": "Resource control policies (RCPs)",
    "org.scpsN": "SCP {0}", "org.rcpsN": "RCP {0}", "org.detach": "Detach",
    "org.noneHere": "(none)",
    "org.note": "Every level from the root to the account must allow an action. A level with no SCPs (or no RCPs) listed is not evaluated; in AWS, FullAWSAccess and RCPFullAWSAccess are attached to every level by default. The first policy added at a level comes with that default.",
    "org.add.scps": "Add an SCP", "org.add.rcps": "Add an RCP", "org.attachNamed": "Named policy", "org.attach": "Attach",
  },
  ja: {
    title: "IAM Playground",
    tagline: "AWS IAM と STS をブラウザーの中で評価します。入力した内容はこのページの外に出ません。",
    loading: "エンジンを読み込んでいます…", ready: "エンジン {0} 準備完了", failed: "エンジンを起動できませんでした: {0}",
    new: "新規", reset: "リセット", undo: "元に戻す", import: "読み込み", export: "書き出し", share: "共有",
    format: "整形", run: "実行", language: "言語", theme: "テーマ",
    "theme.auto": "システム", "theme.light": "ライト", "theme.dark": "ダーク",
    examples: "例", loadExample: "開く", scenario: "シナリオ JSON", scenarioEditor: "シナリオ JSON エディター",
    findings: "指摘", noFindings: "指摘はありません。", world: "環境", requests: "リクエスト",
    addRequest: "リクエストを追加", noRequests: "シナリオにリクエストがまだありません。下から追加してください。",
    notRunnable: "シナリオはまだ実行できません。エディターの下の指摘を確認してください。",
    staleResults: "現在のシナリオは実行できません。エディターの下の指摘を確認してください。以下は、実行できた最後のバージョンの結果です。",
    running: "評価しています…",
    "count.requests.other": "リクエスト {0} 件", "count.allowed.other": "許可 {0}", "count.denied.other": "拒否 {0}",
    "count.errors.other": "エラー {0}", "count.unmet.other": "期待と異なる {0}",
    "severity.error": "エラー", "severity.security-warning": "セキュリティ警告", "severity.warning": "警告", "severity.suggestion": "提案",
    "decision.allowed": "許可", "decision.implicitDeny": "暗黙的な拒否", "decision.explicitDeny": "明示的な拒否", "decision.error": "エラー",
    "expect.met": "期待どおり", "expect.unmet": "期待と異なる",
    explanation: "説明", explanationOf: "リクエスト {0}「{1}」の説明", explanationOfN: "リクエスト {0} の説明", session: "セッション", "session.arn": "ARN", "session.expires": "有効期限",
    "session.chained": "ロールの連鎖", "session.mfa": "MFA 付きで作成", "session.sourceIdentity": "ソースアイデンティティ",
    "session.tags": "タグ", "session.transitive": "推移的なタグキー", seconds: "開始から {0} 秒",
    yes: "はい", no: "いいえ", whatWouldChange: "結果を変えるには", policies: "ポリシー",
    "side.caller": "呼び出し側 (アイデンティティベースのポリシー)", "side.resource": "リソース側 (信頼ポリシーまたはリソースベースのポリシー)",
    noStatements: "ステートメントはありません。", briefExplanation: "説明の続きは、シナリオが再び実行されると表示されます。", statementN: "ステートメント {0}", deciding: "決定要因", applies: "該当",
    ownerAccount: "所有アカウント (S3 の ARN には含まれない)",
    doesNotApply: "非該当",
    "ptype.identity-based policy": "アイデンティティベースのポリシー", "ptype.role trust policy": "ロールの信頼ポリシー",
    "ptype.resource-based policy": "リソースベースのポリシー", "ptype.service control policy": "サービスコントロールポリシー (SCP)",
    "ptype.resource control policy": "リソースコントロールポリシー (RCP)", "ptype.permissions boundary": "アクセス許可の境界",
    "ptype.session policy": "セッションポリシー",
    "verdict.allow": "許可", "verdict.deny": "拒否", "verdict.noMatch": "該当するステートメントなし",
    actionStops: "アクションが一致しないため、このステートメントの残りは評価されません。", showLine: "{0} 行目", showStatementLine: "{1} の {0}、{2} 行目", matched: "一致", notMatched: "不一致",
    contextKeys: "リクエストコンテキスト", key: "キー", value: "値", source: "由来",
    "source.derived": "導出", "source.request": "リクエスト", "source.override": "上書き",
    "kind.accounts": "アカウント", "kind.users": "ユーザー", "kind.groups": "グループ", "kind.roles": "ロール", "kind.resources": "リソース",
    add: "追加", remove: "削除", rename: "ARN", trust: "信頼ポリシー", permissions: "許可ポリシー",
    boundary: "アクセス許可の境界", tags: "タグ", maxSession: "最大セッション時間 (秒)", resourcePolicy: "リソースベースのポリシー",
    policyN: "ポリシー {0}", namedPolicy: "名前付きポリシー: {0}", none: "なし。", invalidJson: "まだ正しい JSON ではありません。", invalidJsonAt: "まだ正しい JSON ではありません: {0} 行 {1} 列: {2}",
    addPolicy: "ポリシーを追加", addBoundary: "境界を追加", addTrust: "信頼ポリシーを追加", organization: "組織",
    accountId: "アカウント ID", accountName: "名前",
    "req.kind": "リクエストの種類", "req.assumeRole": "AssumeRole", "req.webIdentity": "AssumeRoleWithWebIdentity (GitHub Actions)",
    "req.passRole": "ロールを渡すサービス呼び出し", "req.other": "その他のアクション",
    "req.sessionToken": "GetSessionToken (一時的な認証情報、MFA)", "req.federationToken": "GetFederationToken (フェデレーションユーザー)",
    "req.federatedName": "Name (フェデレーションユーザーの名前)", "req.withToken": "プリンシパルの GetSessionToken の認証情報を使う (\"credentials\": \"GetSessionToken\")",
    "req.name": "名前", "req.principal": "プリンシパル ARN", "req.role": "ロール ARN", "req.action": "アクション", "req.resource": "リソース ARN",
    "req.sessionName": "RoleSessionName", "req.duration": "DurationSeconds", "req.externalId": "ExternalId",
    "req.mfa": "MFA でサインイン済み (SerialNumber と TokenCode)", "req.sessionPolicy": "セッションポリシー (JSON)",
    "req.tags": "セッションタグ (キー=値、1 行に 1 つ)", "req.transitive": "推移的なタグキー (カンマ区切り)",
    "req.sourceIdentity": "SourceIdentity", "req.org": "GitHub の組織またはユーザー", "req.repo": "リポジトリ",
    "req.branch": "ブランチ", "req.environment": "環境 (任意)", "req.audience": "対象者",
    "req.service": "サービス呼び出し", "req.passedRole": "渡すロール", "req.context": "コンテキストキー (キー=値、1 行に 1 つ)",
    "req.expect": "期待する結果", "req.expectNone": "(なし)", "req.add": "リクエストを追加", "req.added": "リクエストを追加しました。",
    "req.badSessionPolicy": "セッションポリシーが正しい JSON ではありません。",
    "req.required": "この種類のリクエストには「{0}」が必要です。",
    "req.noInstanceProfile": "EC2 にはインスタンスプロファイルを通してロールを渡しますが、ロール {0} にはシナリオ内でインスタンスプロファイルがありません。ロールの instanceProfiles にインスタンスプロファイルの ARN を追加してください。", "req.badDuration": "DurationSeconds には秒数を整数で指定してください。",
    "req.notAdded": "リクエストを追加できませんでした。シナリオがまだ正しい JSON ではありません (エディターの下の指摘を確認してください)。",
    linkCopied: "リンクをクリップボードにコピーしました。", shareLink: "共有リンク", linkShown: "このリンクをコピーしてください:", linkRefused: "このリンクは開けません: {0}。作業内容は変更されていません。",
    linkTooLarge: "このシナリオは大きすぎるため、リンクとして共有できません (リンクが 256 KiB を超え、ページで開けなくなります)。「書き出し」でファイルとして保存し、そのファイルを共有してください。",
    linkOpened: "リンクのシナリオを開きました。", linkOpenedKept: "リンクのシナリオを開きました。それまでのシナリオは保管してあります。",
    restoreBeforeLink: "以前のシナリオに戻す", restoredBeforeLink: "リンクを開く前のシナリオに戻しました。",
    beforeLinkKept: "共有リンクを開く前のシナリオを、このブラウザーに保管してあります。",
    discardBeforeLink: "破棄する", discardedBeforeLink: "リンクを開く前のシナリオを破棄しました。",
    otherTab: "このページの別のタブで、内容の異なるシナリオが保存されました。どちらを残すか選ぶまで、このタブでの変更は保存されません。",
    otherTabLoad: "別のタブの内容を読み込む", otherTabKeep: "このタブの内容を残す",
    otherTabLoaded: "別のタブで保存された内容を読み込みました。「元に戻す」でこのタブの内容に戻せます。",
    otherTabKept: "別のタブの内容に代えて、このタブの内容を保存しました。",
    ranStatus: "シナリオを実行しました: {0}。", listSeparator: "、", sentenceGap: "",
    "cannotRun.other": "シナリオを実行できません: エラー {0} 件 (エディターの下に表示しています)。",
    staleShown: "表示中の結果は、実行できた最後のバージョンのものです。",
    exampleLoaded: "例「{0}」を開きました。",
    newDone: "新しいシナリオを始めました。", resetDone: "最初の例に戻しました。", undone: "前のシナリオに戻しました。",
    imported: "{0} を読み込みました。", importFailed: "ファイルを読み込めませんでした: {0}",
    storageFailed: "このブラウザーに作業内容を保存できませんでした (ストレージが満杯か利用できません)。内容はまだ残っています。書き出して保存してください。",
    formatFailed: "整形できません: {0}", shortcuts: "ショートカット: Ctrl+Enter 実行 · Ctrl+Shift+F 整形 · Ctrl+Shift+S 共有",
    dismiss: "閉じる", toolbar: "シナリオの操作",
    formatShortcut: "この JSON を整形 (編集中は Ctrl+Shift+F)", formatFailedAt: "整形できません: {0} 行 {1} 列: {2}",
    "req.saml": "AssumeRoleWithSAML (SAML 2.0 フェデレーション)", "req.samlProvider": "SAML プロバイダーの ARN (PrincipalArn)",
    "req.samlIssuer": "発行者 (iss)", "req.samlSubject": "サブジェクトの NameID (sub)", "req.samlSubjectType": "NameID の形式 (sub_type)",
    "req.samlRecipient": "受信者 (SAML:aud)", "req.notGiven": "(指定なし)",
    "req.samlAttributes": "その他の属性 (名前=値、1 行に 1 つ)",
    "req.samlHint": "RoleSessionName、SourceIdentity、セッションタグ (PrincipalTag:キー)、TransitiveTagKeys は、ID プロバイダーが送るとおりアサーションの属性として渡されます。eduPersonAffiliation などのその他の属性は saml: 条件キーになります (複数の値は同じ名前を繰り返します)。",
    "org.none": "組織に属していません。SCP と RCP は適用されません。", "org.management": "組織の管理アカウント (SCP と RCP の影響を受けません)", "org.join": "組織に追加", "org.id": "組織 ID",
    "org.path": "組織のパス (ルートからアカウントまで)", "org.stray": "このパス上にないターゲットにアタッチされたポリシー",
    "org.scpsTarget": "SCP のターゲット", "org.rcpsTarget": "RCP のターゲット", "org.addOu": "アカウントの上に OU を追加",
    "org.leave": "組織から外す", "org.level.root": "ルート", "org.level.ou": "OU", "org.level.account": "アカウント",
    "org.scps": "サービスコントロールポリシー (SCP)", "org.rcps": "リソースコントロールポリシー (RCP)",
    "org.scpsN": "SCP {0}", "org.rcpsN": "RCP {0}", "org.detach": "デタッチ",
    "org.noneHere": "(なし)",
    "org.note": "アクションはルートからアカウントまでのすべてのレベルで許可されている必要があります。SCP (または RCP) がないレベルは評価されません。AWS ではすべてのレベルに FullAWSAccess と RCPFullAWSAccess がデフォルトでアタッチされています。あるレベルに最初のポリシーを追加すると、このデフォルトのポリシーも追加されます。",
    "org.add.scps": "SCP を追加", "org.add.rcps": "RCP を追加", "org.attachNamed": "名前付きポリシー", "org.attach": "アタッチ",
  },
};

const LANG_KEY = "iam-playground.lang";
let lang = pickLanguage();

function pickLanguage() {
  let stored = null;
  try { stored = localStorage.getItem(LANG_KEY); } catch { /* storage unavailable */ }
  if (stored && STRINGS[stored]) return stored;
  return (navigator.language || "en").toLowerCase().startsWith("ja") ? "ja" : "en";
}

export function language() { return lang; }

export function setLanguage(next) {
  lang = STRINGS[next] ? next : "en";
  try { localStorage.setItem(LANG_KEY, lang); } catch { /* storage unavailable */ }
  apply(document);
}

/** The string for `key` in the current language, with {0}, {1}... filled; `key` itself as a last resort. */
export function t(key, ...args) {
  const template = STRINGS[lang][key] ?? STRINGS.en[key];
  if (template == null) return args.length ? String(args[0]) : key;
  return template.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)] ?? ""));
}

/** The plural form of `key` for `n` (`key.one`, `key.other`, ... as the language has them), with {0} as `n`. */
export function tn(key, n, ...args) {
  const form = new Intl.PluralRules(lang).select(n);
  return t(STRINGS[lang][`${key}.${form}`] != null || STRINGS.en[`${key}.${form}`] != null ? `${key}.${form}` : `${key}.other`, n, ...args);
}

/** Fills every data-i18n* element under `root`. */
export function apply(root) {
  document.documentElement.lang = lang;
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const attr of ["title", "aria-label", "placeholder"]) {
    for (const el of root.querySelectorAll(`[data-i18n-${attr}]`)) el.setAttribute(attr, t(el.getAttribute(`data-i18n-${attr}`)));
  }
}
