# mtasts メッセージ カタログ — 日本語。ID とプレースホルダは en.ftl と同じです。
# プロトコルのトークン（mx、max_age、v=STSv1、enforce など）は翻訳しません。

## メッセージ内で使う共通の語
record-kind = { $kind ->
        [spf] SPF レコード
        [dmarc] DMARC レコード
        [dkim] DKIM 鍵
        [bimi] BIMI レコード
        [tlsrpt] TLS レポートのレコード（_smtp._tls）
        [sts] MTA-STS レコード（_mta-sts）
        [site-verification] ドメイン所有権の確認用レコード
        [policy-file] MTA-STS ポリシー ファイル
       *[other] 別の種類のレコード
    }
domain-reason = { $reason ->
        [empty] 名前が空です
        [too-long] { $detail } 文字です（最大 253 文字）
        [empty-label] 空のラベルがあります（ドットが 2 つ続いていませんか）
        [label-too-long] ラベル `{ $detail }` が 63 文字を超えています
        [bad-char] `{ $detail }` はホスト名に使えません
        [hyphen-edge] ラベル `{ $detail }` が `-` で始まるか終わっています
        [not-a-domain] ラベル 1 つだけではドメインになりません
        [ip-address] IP アドレスであり、ドメイン名ではありません
       *[other] { $detail }
    }

input--empty = チェックする内容がありません。入力が空です。
    .fix = TXT レコードの値、または `dig TXT _mta-sts.example.com` の出力を貼り付けてください。
input--curly-quotes = `{ $quote }` は文書やチャットから来た装飾引用符です。DNS のテキストはまっすぐな `"` で囲みます。
    .fix = 装飾引用符をすべて `"` に置き換えてください（または引用符なしで値を貼り付けてください）。
input--unclosed-quote = 引用符で囲まれた文字列が閉じていません。
    .fix = 閉じる `"` を追加してください。

sts-record--version-not-first = レコードは `v=STSv1` で始まる必要がありますが、`{ $value }` で始まっています。
    .fix = `v=STSv1;` をレコードの先頭に移動してください。
sts-record--bad-version = バージョンが `{ $value }` です。有効なのは `STSv1` のみです（大文字と小文字を区別）。
    .fix = `v=STSv1` と記述してください。
sts-record--missing-id = レコードに `id` フィールドがありません。送信側はこれでポリシーの変更を知ります。
    .fix = `id={ $suggestion }` を追加してください（英数字 1〜32 文字。ポリシーを変更するたびに変えます）。
sts-record--id-empty = `id` フィールドが空です。
    .fix = 英数字 1〜32 文字を使用してください（例: `id={ $suggestion }`）。
sts-record--id-too-long = `id` が { $len } 文字です。最大 32 文字までです。
    .fix = 短い ID を使用してください（例: UTC 時刻 `{ $suggestion }`）。
sts-record--id-invalid-char = `id` に `{ $value }` が含まれています。使えるのは英字と数字のみです。
    .fix = A–Z、a–z、0–9 のみを使用してください（例: `id={ $suggestion }`）。
sts-record--wrong-record-type = これは `_mta-sts` レコードではなく、{ record-kind } のようです。
    .fix = MTA-STS レコードは `_mta-sts.<ドメイン>` に独立した TXT レコードとして公開してください。
sts-record--multiple-records = `v=STSv1` で始まるレコードが { $count } 件あります。この場合、送信側は MTA-STS がないものとして扱います。
    .fix = この名前の `v=STSv1` レコードは 1 件だけにしてください。
sts-record--discarded-record = このレコードは `v=STSv1` で始まらないため、送信側に無視されます。
sts-record--wrong-name = このレコードは `{ $name }` に公開されています。MTA-STS レコードは `_mta-sts.<ドメイン>` に置きます。
    .fix = `{ $expected }` に公開してください。

tlsrpt-record--version-not-first = レコードは `v=TLSRPTv1` で始まる必要がありますが、`{ $value }` で始まっています。
    .fix = `v=TLSRPTv1;` をレコードの先頭に移動してください。
tlsrpt-record--bad-version = バージョンが `{ $value }` です。有効なのは `TLSRPTv1` のみです（バージョン 2 はありません）。
    .fix = `v=TLSRPTv1` と記述してください。
tlsrpt-record--missing-rua = レコードに `rua` フィールドがないため、送信側はレポートの送信先がわかりません。
    .fix = `rua=mailto:tls-reports@<ドメイン>` を追加してください。
tlsrpt-record--empty-uri = `rua` に空のアドレスがあります（余分なカンマがありませんか）。
    .fix = 余分なカンマを削除してください。
tlsrpt-record--bad-scheme = `{ $value }` は `mailto:` でも `https:` でもありません。レポートの送信先にはこの 2 つしか使えません。
    .fix = メールアドレスなら `mailto:{ $value }` と記述するか、`https:` の URL を使用してください。
tlsrpt-record--http-not-https = レポートは HTTPS で送信する必要がありますが、`{ $value }` は暗号化されない `http:` です。
    .fix = エンドポイントには `https:` を使用してください。
tlsrpt-record--bad-mailto = `{ $value }` は有効なメールアドレスではありません。
    .fix = アドレスは `mailto:ローカル部@ドメイン` の形式で記述してください。
tlsrpt-record--bad-https = `{ $value }` は有効な HTTPS URL ではありません（{ $reason }）。
    .fix = `https://reports.example.com/v1/tlsrpt` のような完全な URL を記述してください。
tlsrpt-record--unencoded-char = レポートの URI に含まれる `{ $char }` はパーセント エンコードする必要があります。
    .fix = `{ $char }` の代わりに `{ $encoded }` と記述してください。
tlsrpt-record--wrong-record-type = これは `_smtp._tls` レコードではなく、{ record-kind } のようです。
    .fix = TLS レポートのレコードは `_smtp._tls.<ドメイン>` に独立した TXT レコードとして公開してください。
tlsrpt-record--multiple-records = `v=TLSRPTv1` で始まるレコードが { $count } 件あります。この場合、送信側はレポートを一切送りません。
    .fix = `v=TLSRPTv1` レコードは 1 件だけにし、複数のアドレスは 1 つの `rua` にカンマ区切りで記述してください。
tlsrpt-record--discarded-record = このレコードは `v=TLSRPTv1` で始まらないため、送信側に無視されます。
tlsrpt-record--old-name = `{ $name }` はドラフト段階の名前です。送信側は `_smtp._tls` を参照します。
    .fix = レコードを `{ $expected }` に公開してください。
tlsrpt-record--wrong-name = このレコードは `{ $name }` に公開されています。TLS レポートのレコードは `_smtp._tls.<ドメイン>` に置きます。
    .fix = `{ $expected }` に公開してください。

record--malformed-field = `{ $value }` は `名前=値` 形式のフィールドではありません。
    .fix = フィールドは `;` で区切り、それぞれ `名前=値` の形式で記述してください。
record--empty-field = 空のフィールドがあります（`;` が 2 つ続いています）。
    .fix = 余分な `;` を削除してください。
record--bad-whitespace = { $where ->
        [around-equals] `=` の前後
        [inside-uri] URI の中（URI は `,` で区切ります）
       *[other] この位置
    }に空白は使えません。
    .fix = 空白を削除してください。空白を入れてよいのはフィールド間の `; ` だけです。
record--surrounding-whitespace = レコードの{ $where ->
        [start] 先頭
       *[end] 末尾
    }に空白があります。厳格な送信側はこれを拒否します。
    .fix = 空白を削除してください。
record--bad-extension-name = `{ $value }` は有効なフィールド名ではありません（英数字 1 文字の後に、英数字、`_`、`-`、`.` を最大 31 文字）。
record--bad-extension-value = `{ $name }` の値は空にできず、空白、`=`、`;`、制御文字も含められません。
record--unknown-field = `{ $name }` は標準で定義されていないため、送信側に無視されます。
record--duplicate-field = `{ $name }` が複数回あります。送信側は最初のものを使います。
    .fix = 重複した `{ $name }` を削除してください。
record--long-string = レコードは { $len } バイトです。TXT の 1 つの文字列は最大 255 バイトなので、引用符で囲んだ複数の文字列に分けてください。

policy--empty = ポリシー ファイルが空です。
    .fix = `version: STSv1`、次に `mode`、MX ホストごとに 1 行の `mx`、最後に `max_age` を記述してください。
policy--too-large = ポリシーは { $len } バイトです。送信側は 64 KB（{ $max } バイト）で読み込みをやめる場合があります。
    .fix = 不要な内容を削除してください。ポリシーに必要なのは version、mode、mx、max_age だけです。
policy--not-utf8 = ファイルが有効な UTF-8 ではありません（{ $offset } バイト目）。
    .fix = ファイルを UTF-8 で保存してください（ASCII のみが最適です）。
policy--bom = ファイルがバイト オーダー マークで始まっており、最初のフィールド名の一部になってしまいます。
    .fix = BOM なしの UTF-8 で保存してください。
policy--control-char = ポリシーに制御文字（{ $value }）は使えません。
    .fix = 削除してください。
policy--bare-cr = 改行（LF）を伴わない復帰（CR）があります。
    .fix = 行末は LF または CRLF にしてください。
policy--mixed-line-endings = ファイル内で LF と CRLF の改行が混在しています。
    .fix = どちらか一方に統一してください（RFC は CRLF を記述していますが、LF も受け付けられます）。
policy--blank-line = 空行はポリシーの文法に含まれず、拒否する送信側もあります。
    .fix = 空行を削除してください。
policy--leading-whitespace = フィールド名の前に空白があります。文法上認められていません。
    .fix = 行はフィールド名で始めてください。
policy--malformed-line = `{ $value }` は `キー: 値` 形式の行ではありません。
    .fix = 各フィールドを `キー: 値` の形式で 1 行ずつ記述してください。
policy--bad-field-name = `{ $value }` は有効なフィールド名ではありません。
policy--bad-field-value = `{ $name }` の値が空か、文法で認められていない文字を含んでいます。
policy--field-case = `{ $value }` は小文字で `{ $expected }` と記述する必要があります。フィールド名は大文字と小文字を区別します。
    .fix = `{ $expected }` と記述してください。
policy--unknown-field = `{ $name }` はこのバージョンのポリシーのフィールドではないため、送信側に無視されます。
policy--duplicate-field = `{ $name }` が複数回あります。送信側は最初の値を使い、この行は無視します。
    .fix = この行を削除してください。
policy--missing-version = ポリシーに `version` 行がありません。
    .fix = 1 行目に `version: STSv1` を追加してください。
policy--bad-version = バージョンが `{ $value }` です。有効なのは `STSv1` のみです。
    .fix = `version: STSv1` と記述してください。
policy--version-not-first = `version` はポリシーの 1 行目に置いてください。
    .fix = `version: STSv1` を 1 行目に移動してください。
policy--missing-mode = ポリシーに `mode` 行がありません。
    .fix = `mode: testing` を追加してください（レポートに問題がなくなったら `mode: enforce` に切り替えます）。
policy--bad-mode = モードが `{ $value }` です。`testing`、`enforce`、`none` のいずれか（小文字）である必要があります。
    .fix = `mode: { $suggestion }` と記述してください。
policy--mode-none = `none` モードは、このドメインのポリシーを破棄するよう送信側に伝えます。MTA-STS を削除するための方法です。
    .fix = 送信側がこのポリシーを取得した後（max_age の経過後）、TXT レコードとポリシーを削除できます。
policy--missing-max-age = ポリシーに `max_age` 行がありません。
    .fix = テストモードでは `max_age: 604800`（1 週間）を、適用モードでは数週間以上を追加してください。
policy--bad-max-age = `max_age` は秒数を表す整数である必要があります。`{ $value }` は使えません。
    .fix = 例: `max_age: 604800`（1 週間）と記述してください。
policy--max-age-too-many-digits = `max_age` が { $len } 桁です。最大 10 桁までです。
    .fix = 31557600（1 年）以下にしてください。
policy--max-age-too-large = `max_age` が { $value } で、上限の { $max } 秒（1 年）を超えています。
    .fix = 31557600 以下にしてください。
policy--max-age-short = `max_age` が { $value } 秒で、1 日未満です。送信側が頻繁に再取得し、取得に失敗すると保護されない状態になります。
    .fix = 86400（1 日）以上にしてください。適用モードでは数週間にします。
policy--testing-max-age = テストモードでは、ガイドは `max_age` を 1〜2 週間（604800〜1209600）にすることを推奨しています。現在の値は { $value } です。
    .fix = テスト中は `max_age: 604800` を使用してください。
policy--missing-mx = ポリシーに `mx` 行がありません。`{ $mode }` モードでは少なくとも 1 行必要です。
    .fix = ドメインの MX ホストごとに `mx:` 行を 1 行追加してください。
policy--mx-empty = `mx:` にホスト名がありません。
    .fix = ホスト名を記述してください（例: `mx: mail.example.com`）。
policy--mx-wildcard-not-leftmost = `{ $value }` の `*` が左端のラベル全体になっていません。先頭の `*.` は 1 つだけ使え、それ以外の位置の `*` は使えません（RFC 8461 §4.1）。
    .fix = `{ $suggestion }` と書くか（名前の前の 1 ラベルに一致）、ホストを 1 つずつ列挙してください。
policy--mx-wildcard-too-broad = `{ $value }` はトップレベル ドメイン配下のすべてのホストに一致してしまいます。
    .fix = 代わりにドメインの MX ホストを列挙してください。
policy--mx-u-label = `{ $value }` は Unicode で記述されています。ポリシーでは A ラベル形式を使う必要があります。
    .fix = `{ $suggestion }` と記述してください。
policy--mx-ip-literal = `{ $value }` は IP アドレスです。MX パターンはホスト名で記述します。
    .fix = MX レコードに記載されている MX ホスト名を使用してください。
policy--mx-trailing-dot = `{ $value }` の末尾にドットがあります。ドットなしで記述してください。
    .fix = `{ $suggestion }` と記述してください。
policy--mx-invalid = `{ $value }` は有効なホスト名ではありません（{ domain-reason }）。
policy--mx-duplicate = `{ $value }` が複数回記載されています。
    .fix = 重複した行を削除してください。
policy--mx-single-label = `{ $value }` はラベルが 1 つだけです。公開 MX ホストには少なくとも 2 つあります。

mx--not-covered-enforce = MX `{ $host }` はどの `mx` パターンにも一致しません。適用モードでは、送信側はこのホストへのメール配信を拒否します。
    .fix = ポリシーに `mx: { $host }` を追加してください。
mx--not-covered = MX `{ $host }` はどの `mx` パターンにも一致しません。レポートにこのホストのエラーが表示され、適用モードではこのホストへのメールが止まります。
    .fix = ポリシーに `mx: { $host }` を追加してください。
mx--pattern-unused = パターン `{ $pattern }` は、指定された MX ホストのいずれにも一致しません。
mx--invalid-host = `{ $host }` は有効な MX ホスト名ではありません（{ domain-reason }）。

generate--bad-domain = `{ $value }` は有効なドメイン名ではありません（{ domain-reason }）。
generate--no-mx = MX ホストを 1 つ以上指定してください（ドメインの MX レコードにある名前）。
generate--no-rua = レポートの送信先がありません。送信側から問題を知らせてもらえるよう追加してください。
    .fix = 例: `mailto:tls-reports@{ $domain }`
generate--bad-max-age = `max_age` は 0〜31557600 秒の範囲で指定してください。{ $value } は範囲外です。

report--bad-json = 有効な JSON ではありません: { $reason }
report--not-report = この JSON は TLS レポートではありません: { $reason }
report--missing-field = フィールド `{ $field }` がありません。
report--too-large = ファイルは { $len } バイトで、上限の { $max } バイトを超えています。
report--inflated-too-large = 圧縮データを展開すると { $max } バイトを超えるため、拒否しました（gzip 爆弾か、単一のレポートではありません）。
report--bad-gzip = gzip データが壊れています: { $reason }
report--email-without-report = このメールには TLS レポートが添付されていません（application/tlsrpt+gzip または application/tlsrpt+json のパートがありません）。
report--unknown-format = このファイルは JSON、gzip、メールのいずれでもありません。
report--bad-datetime = `{ $field }` の `{ $value }` は RFC 3339 形式の日時ではありません。
report--datetime-no-timezone = `{ $field }` の `{ $value }` にはタイムゾーンがありません。UTC として読み込みました。
report--mx-host-string = `mx-host` が文字列です。訂正後の RFC（正誤表 6241）では配列です。
report--mx-host-prefixed = `mx-host` の値 `{ $value }` が `mx:` で始まっています。`{ $suggestion }` として読み込みました。
report--bad-ip = `{ $field }` の `{ $value }` は IP アドレスではありません。
report--unknown-result-type = 結果タイプ `{ $value }` は RFC 8460 のレジストリにありません。
report--unknown-policy-type = ポリシー タイプ `{ $value }` は RFC 8460 のレジストリにありません。
report--policy-string-json = `policy-string` のエントリに JSON 配列が 1 つの文字列として入っています。{ $count } 件のエントリとして読み込みました。
report--contact-null = `contact-info` が null です。
report--failure-count-mismatch = エラーの詳細の合計は { $details } セッションですが、概要では { $total } です（詳細は一部のみでも構いません）。
report--bad-count = `{ $field }` は 0 以上の整数である必要があります。`{ $value }` は使えません。
report--too-many-parts = このメールにはレポートのパートが { $count } 個あります。1 通から読むのは { $max } 個までです。
    .fix = レポートは別々のメッセージで送ってください。
report--too-deeply-nested = このメールには転送されたメッセージ(message/rfc822)が { $count } 個あります。1 通から読むのは { $max } 個までです。
    .fix = レポートそのものを送るか、転送は 1 回だけにしてください。
dkim--missing = `{ $from }` からのレポートメールに DKIM 署名がありません。RFC 8460 はレポート送信ドメインによる有効な署名を求めているため、無視します。
    .fix = 送信者は自分のドメインの DKIM でレポートメールに署名する必要があります。それでも署名のないレポートを受け取るには(非推奨)、REQUIRE_DKIM を false にしてください。
dkim--invalid = `{ $domain }` の DKIM 署名を検証できません({ $reason })。レポートは無視します。
    .fix = 途中でメッセージが変更された場合(転送、メーリングリストのフッターなど)、レポートをこのアドレスへ直接届けるようにしてください。
dkim--wrong-domain = レポートメールの署名は `{ $domain }` によるもので、レポート送信ドメイン `{ $from }` のものではないため、無視します。
    .fix = 送信者は `From:` にある自分のドメインで署名する必要があります。
dkim--body-length = `{ $domain }` の DKIM 署名は RFC 8460 が禁じる `l=` を使っています。署名を壊さずにレポートへ文字を追加できてしまいます。
    .fix = 送信者は本文全体に署名する必要があります(`l=` タグなし)。

## 導入手順（Workspace ガイドの順序、RFC 8461 §8）
step--reports = { $domain } の TLS レポートを毎日受け取るメールボックスまたは HTTPS エンドポイントを用意します: { $rua }
step--publish-tlsrpt = 最初に TLS レポートのレコードを公開します: `{ $name }` に TXT で値 `{ $record }`。
step--host-policy = ポリシー ファイルを { $url } で HTTPS 配信します（{ $host } に有効な証明書が必要です）。ID を変更する前に、必ず変更後のポリシーを公開してください。
step--publish-sts = MTA-STS レコードを公開します: `{ $name }` に TXT で値 `{ $record }`。ポリシーを変更するたびに ID を変更します。
step--testing = 約 2 週間テストモードのまま、毎日のレポートを確認します。レポートに表示されるエラーは、適用モードでは拒否されるメッセージです。
step--enforce = レポートに問題がなくなったら、ポリシーを `mode: enforce` に変更し（その際は数週間以上の長い `max_age` を推奨）、新しい ID を公開します。
step--monitor = 引き続きレポートを確認します。適用モードでのエラーは、配信されなかったメッセージです。
step--removal = MTA-STS を無効にするには、新しい ID で `mode: none` を公開し、以前の `max_age` が経過してから、レコードとポリシーを削除します。

## ウェブアプリ
ui--nav-label = メイン
ui--nav-validate = チェック
ui--nav-generate = 作成
ui--nav-check = ドメインを確認
ui--nav-reports = レポート
ui--nav-stored = 保存済みレポート
ui--not-found = このページは存在しません。
ui--privacy = 貼り付けたりドロップしたりした内容はすべてブラウザ内で処理され、このコンピュータの外に送信されることはありません。
ui--privacy-server = このページはこのサイトのサーバーに問い合わせます。ここに入力した内容はサーバーに送られます(管理トークンはこのサイトにのみ)。
ui--footer-rfcs = MTA-STS（RFC 8461）· SMTP TLS レポート（RFC 8460）
ui--validate-title = ポリシーや DNS レコードをチェック
ui--validate-lead = mta-sts.txt ポリシー、_mta-sts または _smtp._tls の TXT レコード（または dig の出力）、TLS レポートを貼り付けてください。入力中にチェックが実行されます。
ui--validate-input-label = チェックするテキスト
ui--validate-placeholder = version: STSv1 …   または   v=STSv1; id=…   または   v=TLSRPTv1; rua=…
ui--kind = 入力の種類
ui--kind-auto = 自動判定
ui--kind-auto-detected = 自動判定（{ $kind }）
ui--kind-policy = ポリシー ファイル（mta-sts.txt）
ui--kind-sts-record = _mta-sts レコード
ui--kind-tlsrpt-record = _smtp._tls レコード
ui--kind-report = TLS レポート（JSON）
ui--examples = 例:
ui--mx-hosts = ドメインの MX ホスト（省略可、1 行に 1 つ）: 各ホストに一致するパターンを表示します
ui--copy-permalink = 固定リンクをコピー
ui--report-line = { $org } からのレポート（{ $id }）: 成功 { $ok } セッション、失敗 { $failed } セッション。
ui--coverage = MX のカバー状況
ui--col-pattern = 一致するパターン
ui--not-covered = 一致なし
ui--source = 問題箇所を示した入力
ui--line = 行
ui--fix = 対処:
ui--severity-error = エラー
ui--severity-warning = 警告
ui--severity-info = 注記
ui--valid = 有効
ui--valid-with-warnings = 有効（警告あり）
ui--invalid = 無効
ui--counts = エラー { $errors } 件 · 警告 { $warnings } 件 · 注記 { $infos } 件
ui--copy = コピー
ui--copied = コピーしました
ui--generate-title = MTA-STS と TLS レポートを設定
ui--generate-lead = 手順どおりに進めます。まずレポート、次にテストモードのポリシーを約 2 週間、最後に適用モードです。
ui--gen-domain = メールドメイン
ui--gen-mx = MX ホスト（1 行に 1 つ。*.example.net はラベル 1 つ分に一致）
ui--gen-mx-help = ドメインの MX レコードにあるホスト名です。
ui--gen-rua = TLS レポートの送信先
ui--gen-rua-help = メールアドレスまたは https:// エンドポイントをカンマ区切りで指定します。
ui--gen-mode = モード
ui--gen-max-age = max_age（秒）
ui--gen-id = ポリシー ID
ui--gen-new-id = 新しい ID（現在時刻）
ui--gen-linted = 以下の出力は、チェック機能と同じルールで検証されています。
ui--gen-step-tlsrpt = 1. TLS レポートのレコードを公開
ui--gen-step-policy = 2. ポリシー ファイルを公開
ui--gen-policy-where = このファイルを { $url } で HTTPS 配信してください。
ui--gen-step-sts = 3. MTA-STS レコードを公開
ui--gen-step-zone = ゾーン ファイルの行
ui--record-name = 名前（ホスト）
ui--record-value = 値（TXT）
ui--zone-lines = 両方のレコードをゾーン ファイルの行として
ui--download-policy = mta-sts.txt をダウンロード
ui--rollout = 導入の流れ
ui--reports-title = TLS レポートを読む
ui--reports-lead = 毎日のレポート（.json、.json.gz、レポートのメール）をドロップすると、送信側で何が起きたかを確認できます。重複は 1 件として数えます。
ui--drop-here = レポート ファイルをここにドロップするか、クリックして選択
ui--drop-kinds = .json · .json.gz · .gz · .eml — いくつでも指定できます
ui--progress = { $total } 件中 { $done } 件のファイルを読み込みました
ui--clear = クリア
ui--refused-files = { $count } 件のファイルを読み込めませんでした
ui--filter-domain = ポリシー ドメイン
ui--all-domains = すべてのドメイン
ui--filter-from = 開始日
ui--filter-to = 終了日
ui--export-csv = CSV をエクスポート
ui--export-json = JSON をエクスポート
ui--card-reports = レポート
ui--card-success-rate = 成功率
ui--card-successful = 成功したセッション
ui--card-failed = 失敗したセッション
ui--card-duplicates = 除外した重複
ui--period = { $from } 〜 { $to }
ui--per-day = 日ごとのセッション
ui--chart-label = { $days } 日間の成功・失敗セッション
ui--chart-tip = { $day }: 成功 { $ok }、失敗 { $failed }
ui--legend-ok = 成功
ui--legend-failed = 失敗
ui--legend-rate = 失敗率
ui--by-organization = 送信元の組織別
ui--by-domain = ポリシー ドメイン別
ui--by-policy-type = ポリシー タイプ別
ui--by-result-type = 結果タイプ別の失敗
ui--by-mx = 受信 MX 別の失敗
ui--by-ip = 送信元 IP 別の失敗
ui--failure-details = 失敗の詳細
ui--no-failures = 失敗は報告されていません。
ui--not-given = （記載なし）
ui--more-rows = … ほか { $count } 件（失敗セッション { $failed } 件）
ui--rows-shown = { $total } 行中 { $shown } 行を表示しています。エクスポートにはすべて含まれます。
ui--col-key = 名前
ui--col-reports = レポート
ui--col-successful = 成功
ui--col-failed = 失敗
ui--col-success-rate = 成功率
ui--col-day = 日付
ui--col-organization = 組織
ui--col-domain = ポリシー ドメイン
ui--col-result-type = 結果タイプ
ui--col-mx = 受信 MX
ui--col-ip = 送信元 IP
ui--col-receiving-ip = 受信 IP
ui--col-reason = 理由コード
ui--col-info = 詳細情報
ui--check-title = 公開中のドメインを確認
ui--check-lead = ドメインの MTA-STS と TLS レポートのレコードを調べ、送信側サーバーと同じ方法でポリシーを取得し（RFC 8461 §3.3）、チェックと同じルールですべてを確認します。
ui--check-domain = メールドメイン
ui--check-run = 確認
ui--check-running = { $domain } を確認しています…
ui--check-sts-id = `_mta-sts` の ID
ui--check-policy-hash = ポリシー内容のハッシュ
ui--check-mx = MX ホスト
ui--check-covered-by = `{ $pattern }` が対象
ui--check-not-covered = ポリシーの対象外
ui--check-findings = 結果
ui--check-policy = 取得したポリシー
ui--check-raw = DNS と HTTP の応答
ui--check-open-generator = このドメイン、MX ホスト、レポートの送信先を入れた状態で作成ページを開く
ui--check-error = 確認を実行できませんでした: { $reason }
ui--check-rate-limited = このアドレスからの確認が多すぎます。1 分待ってからもう一度お試しください。
ui--check-bad-domain = example.com のようなメールドメインを入力してください（URL、IP アドレス、ポートは使えません）。
ui--check-privacy = この確認はこのサイトのサーバーで実行されます。公開 DNS とドメインのポリシー ホストに問い合わせ、保存するのは確認した ID とポリシーのハッシュだけです（新しい ID なしでポリシーが変更されたことを検出するため）。
ui--check-none = （なし）
ui--stored-title = 保存済みレポート
ui--stored-lead = Worker が HTTPS(/v1/tlsrpt)とメール(Email Routing)で受け取ったレポートです。管理トークンはこのタブのセッション ストレージにのみ保存されます。
ui--token = 管理トークン
ui--load = 読み込む
ui--forget-token = トークンを削除
ui--loading = 読み込み中…
ui--stored-listed = 保存済みレポート { $count } 件を読み込みました。
ui--language = 言語
cli--see = 参照
cli--duplicate = 重複のため集計対象外

## ドメインのチェック
check--no-sts-record = `_mta-sts.{ $domain }` に MTA-STS レコードがありません。送信側はこのドメインで MTA-STS を使いません。
    .fix = レコードとポリシーを作成し、ガイドの順序で公開してください。
check--no-tlsrpt-record = `_smtp._tls.{ $domain }` に TLS レポートのレコードがありません。TLS が失敗しても誰も知らせてくれません。
    .fix = 最初に `_smtp._tls.{ $domain }` に `v=TLSRPTv1; rua=mailto:…` を公開してください。
check--sts-at-apex = `v=STSv1` レコードが `{ $domain }` 自体に公開されています。送信側が参照するのは `_mta-sts.{ $domain }` だけです。
    .fix = `_mta-sts.{ $domain }` に移動してください。
check--dns-error = `{ $name }` の DNS クエリが失敗しました: { $reason }
check--no-mx = `{ $domain }` には MX レコードがないため、ポリシーの対象がありません。
check--policy-http-status = `{ $url }` は HTTP { $status } を返しました。ポリシーとして有効なのは 200 だけです。
    .fix = ポリシー ファイルをこの URL でステータス 200 で配信してください。
check--policy-redirect = `{ $url }` は `{ $location }` にリダイレクトします。送信側はリダイレクトをたどってはいけません。
    .fix = リダイレクトせず、この URL で直接ポリシーを配信してください。
check--policy-content-type = `{ $url }` は `{ $value }` として配信されています。送信側は `text/plain` を想定しています。
    .fix = `Content-Type: text/plain; charset=utf-8` で配信してください。
check--policy-timeout = `{ $url }` は { $seconds } 秒以内に応答しませんでした。
check--policy-tls = `{ $host }` への HTTPS 接続に失敗しました: { $reason }
    .fix = 公的 CA が発行した `{ $host }` に有効な証明書を使い、期限内に更新してください。
check--policy-unreachable = `{ $host }` に接続できません: { $reason }
    .fix = `{ $host }` のアドレスを公開し、そこで HTTPS によりポリシーを配信してください。
check--id-not-changed = ポリシーは変更されました（内容のハッシュ { $hash }）が、`_mta-sts` の ID は `{ $id }` のままです。送信側はキャッシュしたポリシーを使い続けます。
    .fix = 新しい ID を公開してください（例: `id={ $hash }`）。
check--mx-no-starttls = MX `{ $host }` は STARTTLS を提供していません。
check--mx-cert-mismatch = MX `{ $host }` の証明書はその名前に対して有効ではありません。
check--mx-tls-error = MX `{ $host }` との TLS に失敗しました: { $reason }
check--resolver-failed = チェック側のリゾルバーから `{ $name }` の応答を得られませんでした: { $reason }。
    .fix = しばらくしてから再試行してください。続く場合は、チェック側のリゾルバー（`DOH_URL` または `--resolver`）が停止しています。
check--smtp-not-tested = ここからは MX ホストの STARTTLS を確認していません（Web からの確認ではポート 25 に接続できません）。
    .fix = ポート 25 に接続できるホストで `mtasts check { $domain }` を（`--no-smtp` なしで）実行すると、各 MX の STARTTLS と証明書を確認できます。
check--dnssec-validated = リゾルバはこれらの DNS 応答を DNSSEC で検証しました。
check--dnssec-not-validated = これらの DNS 応答は DNSSEC で検証されていません。MTA-STS の設計どおり、送信側は最初に取得したポリシーを信頼します。
check--status = { $status ->
        [working] MTA-STS は機能しています（適用モード）。
        [testing] MTA-STS はテストモードで機能しています。レポートを確認してから適用モードに切り替えてください。
        [removing] MTA-STS を削除中です（mode none）。
        [not-configured] このドメインでは MTA-STS が設定されていません。
        [could-not-check] チェックを完了できませんでした。以下の情報が不完全なため、このドメインの判定はありません。
       *[broken] MTA-STS が機能していません。以下のエラーを修正してください。
    }
check--next = { $status ->
        [working] 次の手順: 毎日の TLS レポートを引き続き確認し、ポリシーを変更するたびに新しい `_mta-sts` の ID を公開してください。
        [testing] 次の手順: 毎日の TLS レポートを 2 週間ほど確認し、失敗がなければ `mode: enforce` に変更して新しい ID を公開してください。
        [removing] 次の手順: 最も長い max_age が過ぎるのを待ってから、`_mta-sts` レコードとポリシーを削除してください。
        [not-configured] 次の手順: まず `_smtp._tls` のレポート用レコードを公開し、次に testing モードのポリシーと `_mta-sts` レコードを公開してください。3 つとも作成ページで作成できます。
        [could-not-check] 次の手順: しばらくしてから再試行してください。問題はチェックする側（リゾルバー）にあり、ドメイン側とは限りません。
       *[broken] 次の手順: 下のエラーを上から順に修正してください。修正されるまで、送信側はこのドメインに使えるポリシーがないものとして扱います。
    }

## ワーカーの HTTP 応答（拒否。すべての診断と同じ形式）
auth--not-configured = 管理 API は無効です。この環境には管理トークンが設定されていません。
    .fix = シークレット `ADMIN_TOKEN` を設定してください（`wrangler secret put ADMIN_TOKEN`、ローカルでは `.dev.vars`）。
auth--invalid-token = `Authorization: Bearer` トークンがないか誤っています。このデプロイの `ADMIN_TOKEN` シークレットです(ローカルでは `.dev.vars`)。
    .fix = このデプロイの `ADMIN_TOKEN` シークレット(`wrangler secret put ADMIN_TOKEN`、ローカルでは `.dev.vars`)を `Authorization: Bearer <token>` として送ってください。
api--not-found = `{ $path }` には何もありません。
api--bad-domain = `{ $value }` はドメイン名ではありません（{ domain-reason }）。
    .fix = example.com のような名前を指定してください。
api--bad-date = `{ $param }` は `{ $value }` ではなく、YYYY-MM-DD 形式の日付にしてください。
api--bad-key = `{ $value }` は保存済みレポートのキーではありません。
    .fix = `GET /api/reports` が一覧する `key` を使ってください。
api--bad-cursor = `{ $value }` はこのストアが返したカーソルではありません。
    .fix = 前のページの `cursor` を返されたとおりに渡してください。最初のページでは省略します。
api--unreadable-body = リクエスト本文を読み取れませんでした: { $reason }。
    .fix = 本文をもう一度送信してください。
api--invalid-policy = ポリシーに { $errors } 件のエラーがあるため、保存しませんでした。
    .fix = `details` に挙げた問題を修正してから、もう一度保存してください。
api--cannot-generate = 保存済みのポリシーから `{ $domain }` のレコードを生成できませんでした。
    .fix = まずこのドメインの有効なポリシーを保存してください。
ingest--unsupported-type = `{ $value }` は TLS レポートのメディアタイプではありません。
    .fix = `Content-Type: application/tlsrpt+gzip` または `application/tlsrpt+json` で送信してください。
ingest--empty-body = リクエストに本文がありません。
    .fix = レポート本体を送信してください。
ingest--domain-not-served = このエンドポイントは、ここで配信しているドメインのレポートのみ受け付けます。このレポートの対象は { $domains } です。
    .fix = そのドメイン自身の `_smtp._tls` レコードにあるアドレスへレポートを送信してください。
ingest--count-too-large = `{ $field }` が { $value } です。正確に保存できる最大の件数 { $max } を超えています。
    .fix = セッション数は数えたとおりに送ってください。1 日の SMTP セッション数はこの上限をはるかに下回ります。
http--not-found = `{ $path }` には何もありません。
http--method-not-allowed = ここでは `{ $method }` は使えません。
    .fix = { $allow } を使ってください。
server--unavailable = 現在ストレージを利用できません。何も保存されていません。
    .fix = しばらくしてから再試行してください。
policy--unknown-host = `{ $host }` は、ここで配信している `mta-sts.<ドメイン>` のホストではありません。
policy--unknown-domain = `{ $domain }` のポリシーは保存されていません。
    .fix = `PUT /api/policies/{ $domain }` で保存してください。
policy--invalid-stored = `{ $domain }` の保存済みポリシーにエラーがあるため、配信していません。
    .fix = `PUT /api/policies/{ $domain }` で有効なポリシーを保存してください。
check--missing-domain = チェックするメールドメインを指定してください。
    .fix = 例: `/api/check?domain=example.com`。
check--bad-domain = `{ $value }` はメールドメイン名ではありません（{ domain-reason }）。
    .fix = URL、IP アドレス、ポートではなく、example.com のような名前を指定してください。
check--rate-limited = このアドレスからのチェックが多すぎます。
    .fix = { $seconds } 秒待ってから、もう一度お試しください。
ui--rule-page = このルールの意味、重要な理由、例
records--rua-order = このデプロイのメールアドレスを先頭にします。Microsoft は `rua` の最初のアドレスにしかレポートを送らず、Google もメールで送るためです。HTTPS のエンドポイントは、アップロードする送信者のために 2 番目に置きます。
ui--arrivals = 届いた方法
ui--col-report-id = レポート ID
ui--col-via = 経路
ui--col-sender = エンベロープ送信者
cli--skipped = メールボックスの { $count } 通は TLS レポートではないため、読み飛ばしました。
watch--failure-rate = { $day } のセッションの { $rate } % が失敗しました({ $sessions } 件中 { $failed } 件)。しきい値 { $threshold } % を超えています。
    .fix = その日のレポートの結果タイプと MX を確認してください。多くの場合、MX の証明書か STARTTLS が原因です。
watch--new-result-type = このドメインで初めての失敗タイプです: `{ $result }`({ $day } に { $count } セッション)。
    .fix = その日のレポートの失敗詳細を読んでください。新しい結果タイプは MX か DNS で何かが変わったことを意味します。
watch--reports-stopped = { $days } 日間 TLS レポートが届いていません。最後は { $last } の分です。
    .fix = `_smtp._tls` レコードがまだ存在し、その `rua` のメールボックスまたはエンドポイントがレポートを受け付けているか確認してください。
watch--policy-invalid = 送信者が受け取るポリシーに { $errors } 件のエラーがあるため(最初: `{ $first }`)、配信していません。
    .fix = ポリシーを検査し(`mtasts lint`)、修正して保存し直してから、新しい `id` を公開してください。
watch--mx-not-covered = メールは MX `{ $host }` に届いていますが({ $count } セッション失敗)、ポリシーのどの `mx:` 行にも含まれていません。
    .fix = ポリシーに `mx: { $host }`(またはそれを含むワイルドカード)を追加し、新しい `id` を公開してください。
watch--mx-gone = ポリシーの `mx: { $pattern }` はドメインのどの MX にも一致しません({ $mx })。
    .fix = その MX が廃止されたのなら行をポリシーから削除し、新しい `id` を公開してください。
watch--enforce-with-failures = ポリシーは `enforce` モードで、{ $since } 以降 { $count } セッションが失敗しました。送信者はそれらのメッセージを配送していません。
    .fix = 失敗している MX をすぐに直すか、直るまで `mode: testing`(新しい `id` とともに)に戻してください。
watch--rua-elsewhere = `_smtp._tls` レコードはレポートを { $rua } に送っており、このデプロイ({ $ours })ではありません。
    .fix = このデプロイのアドレスのいずれかを `rua=` に公開してください(先頭に。Microsoft は先頭のアドレスにしか送りません)。
api--bad-watch-settings = 監視設定 `{ $field }` に `{ $value }` は使えません。期待される値: { $expected }。
ui--watch-link = メールや Webhook でダイジェストとアラート: 監視 →

## home
ui--home-title = MTA-STS と TLS レポート：設定から毎日のレポートまで
ui--home-lead = MTA-STS（RFC 8461）は、あなたにメールを送るサーバーに暗号化・認証された接続を求めさせます。TLS レポート（RFC 8460）は、それができなかったときに毎日知らせてくれます。まずはドメインから。
ui--home-domain = メールドメイン
ui--home-check = ドメインを確認
ui--home-check-text = 送信サーバーから見える状態を確認：レコード、ポリシー、MX ホストがカバーされているか。
ui--home-generate = 設定する
ui--home-generate-text = 公開するレコードとポリシーファイルを、導入に必要な順序で（テストモードから）。
ui--home-reports = レポートを読む
ui--home-reports-text = 送信者から届く毎日のレポートをドロップ：このブラウザーで読み込まれ、アップロードされません。
ui--home-validate-text = ポリシーやレコードがすでにありますか？
ui--home-validate = ここで検証できます。
ui--skip = 本文へスキップ
ui--copy-what = コピー：{ $what }
ui--copied-what = コピーしました：{ $what }
ui--gen-domain-cleaned = `{ $domain }` を使用します（スキーム、パス、アドレスを除いたドメイン）。
ui--gen-stale = 上の項目を修正してください（項目の下の指摘を参照）。下の出力は最後に有効だった入力のものです。
ui--gen-fix-fields = 上の項目を修正してください（項目の下の指摘を参照）。読み取れるとすぐにレコードとポリシーが表示されます。
ui--gen-certificate = 送信者は HTTPS で取得し証明書を確認します：ドメインだけでなく `{ $host }` に有効な証明書が必要です（RFC 8461 §3.3）。
ui--gen-host-here = このサイトでポリシーをホストする
ui--gen-host-here-how = このサイトの Worker は、任されたドメインごとに `https://{ $host }/.well-known/mta-sts.txt` を配信します。Cloudflare では：Worker にルート `{ $host }/*` を追加し、下のプロキシ済み DNS レコードを作成し（エッジ証明書が `{ $host }` をカバーします）、`PUT /api/policies/{ $domain }`（管理トークン）でポリシーを保存します。確認ページでライブ表示されます。
ui--gen-host-record = { $host } の DNS レコード
ui--gen-testing-until = enforce への切り替えは早くても今日から 2 週間後：{ $date }。それまでレポートを確認してください：
ui--read-title = 送信者が読み取る内容
ui--read-field = フィールド
ui--read-value = 値
ui--read-meaning = 送信者の動作
ui--read-v-sts = MTA-STS レコード（バージョン 1）：このドメインには取得すべきポリシーがあります（RFC 8461 §3.1）。
ui--read-id = ポリシーのバージョン：これが変わると送信者はポリシーを再取得するため、ポリシーを変更するたびに変更してください（RFC 8461 §3.1）。
ui--read-v-tlsrpt = TLS レポートレコード（バージョン 1）：送信者は TLS セッションの日次レポートを送ります（RFC 8460 §3）。
ui--read-mailto = レポート送付先 { $n }：送信者は `multipart/report` メールでレポートを送ります（RFC 8460 §3、§5.3）。
ui--read-https = レポート送付先 { $n }：送信者はレポートを POST します（RFC 8460 §3、§5.4）。
ui--read-extension = RFC で定義されていないため、送信者は無視します。
ui--read-mode-enforce = 送信者は下記の MX ホストへ有効な証明書の TLS でのみ配信し、できなければメールを保留します（RFC 8461 §5）。
ui--read-mode-testing = 送信者は従来どおり配信しますが、失敗したはずのセッションをすべて報告します（RFC 8461 §5）。
ui--read-mode-none = 送信者はこのポリシーを取得すると、このドメインへの MTA-STS の適用をやめます（RFC 8461 §5）。
ui--read-max-age = 送信者はポリシーを { $days } 日間キャッシュし、その間は再取得せずに適用し続けます（RFC 8461 §3.2）。
ui--read-mx = 送信者が受け入れる MX ホスト（名前の完全一致、RFC 8461 §4.1）。
ui--read-mx-wildcard = この名前の 1 つ下のラベルの任意の MX ホスト（例：前に `mx1`、RFC 8461 §4.1）。
ui--mx-box = MX ホスト
ui--filter = 絞り込み
ui--filter-of = 絞り込み：{ $table }
ui--show-all = { $n } 件すべて表示
ui--show-top = 上位 { $n } 件を表示
ui--long-value = { $chars } 文字：
ui--stored-empty = この条件で保存されたレポートはまだありません。
ui--stored-empty-how = ドメインの `_smtp._tls` レコードがこのサイトを指すとレポートが届きます。`GET /api/records` で公開するレコードがわかります（まずメールボックス、次に HTTPS エンドポイント）。送信者は 1 日 1 通送ります。期間を広げるかドメインの絞り込みを外すと、既にあるものが表示されます。ドメインの設定：
ui--col-report-id = レポート ID
ui--stored-list = レポート（新しい順）
ui--page-newer = ← 新しい
ui--page-older = 古い →
ui--page-number = { $n } ページ
ui--chart-break = レポートのない { $days } 日間（{ $from }〜{ $to }）
ui--chart-hint = 日付をポイント・タップするか Tab で移動すると、ここに値が表示されます。
ui--by-result-and-mx = 結果タイプと MX 別の失敗
ui--by-day-and-result = 日ごとの結果タイプ（タイプで絞り込むと推移がわかります）
