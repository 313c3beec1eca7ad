# mtasts message catalog — English (the reference catalog; every other language has exactly these ids).
# Ids are diagnostic code names with "/" written as "--". `.fix` is the suggested fix, where one exists.
# Protocol tokens (mx, max_age, v=STSv1, enforce, …) stay untranslated in every language.

## Shared terms used inside messages
record-kind = { $kind ->
        [spf] an SPF record
        [dmarc] a DMARC record
        [dkim] a DKIM key
        [bimi] a BIMI record
        [tlsrpt] a TLS reporting (_smtp._tls) record
        [sts] an MTA-STS (_mta-sts) record
        [site-verification] a site verification record
        [policy-file] an MTA-STS policy file
       *[other] another kind of record
    }
domain-reason = { $reason ->
        [empty] the name is empty
        [too-long] { $detail } characters, at most 253
        [empty-label] an empty label: two dots in a row?
        [label-too-long] the label `{ $detail }` is longer than 63 characters
        [bad-char] `{ $detail }` is not allowed in a host name
        [hyphen-edge] the label `{ $detail }` starts or ends with `-`
        [not-a-domain] a single label is not a domain
        [ip-address] an IP address, not a domain name
       *[other] { $detail }
    }

input--empty = There is nothing to check: the input is empty.
    .fix = Paste the TXT record value, or the output of `dig TXT _mta-sts.example.com`.
input--curly-quotes = `{ $quote }` is a typographic quote, probably from a document or a chat: DNS text is quoted with the straight `"`.
    .fix = Replace every curly quote with `"` (or paste the value without quotes).
input--unclosed-quote = This quoted string is not closed.
    .fix = Add the closing `"`.

sts-record--version-not-first = The record must start with `v=STSv1`, but it starts with `{ $value }`.
    .fix = Move `v=STSv1;` to the beginning of the record.
sts-record--bad-version = The version is `{ $value }`; the only valid one is `STSv1` (case-sensitive).
    .fix = Write `v=STSv1`.
sts-record--missing-id = The record has no `id` field; senders need it to know when the policy changed.
    .fix = Add `id={ $suggestion }` (any 1 to 32 letters and digits; change it every time the policy changes).
sts-record--id-empty = The `id` field is empty.
    .fix = Use 1 to 32 letters and digits, e.g. `id={ $suggestion }`.
sts-record--id-too-long = The `id` has { $len } characters; at most 32 are allowed.
    .fix = Use a shorter id, e.g. the UTC time `{ $suggestion }`.
sts-record--id-invalid-char = The `id` contains `{ $value }`; only letters and digits are allowed.
    .fix = Use only A–Z, a–z and 0–9, e.g. `id={ $suggestion }`.
sts-record--wrong-record-type = This looks like { record-kind }, not an `_mta-sts` record.
    .fix = Publish the MTA-STS record as its own TXT record at `_mta-sts.<your domain>`.
sts-record--multiple-records = { $count } records start with `v=STSv1`; senders then behave as if there were no MTA-STS at all.
    .fix = Keep exactly one `v=STSv1` record at this name.
sts-record--discarded-record = Senders ignore this record because it does not start with `v=STSv1`.
sts-record--wrong-name = This record is published at `{ $name }`; the MTA-STS record belongs at `_mta-sts.<domain>`.
    .fix = Publish it at `{ $expected }`.

tlsrpt-record--version-not-first = The record must start with `v=TLSRPTv1`, but it starts with `{ $value }`.
    .fix = Move `v=TLSRPTv1;` to the beginning of the record.
tlsrpt-record--bad-version = The version is `{ $value }`; the only valid one is `TLSRPTv1` (there is no version 2).
    .fix = Write `v=TLSRPTv1`.
tlsrpt-record--missing-rua = The record has no `rua` field, so senders do not know where to send reports.
    .fix = Add `rua=mailto:tls-reports@<your domain>`.
tlsrpt-record--empty-uri = An empty address in `rua` (a stray comma?).
    .fix = Remove the extra comma.
tlsrpt-record--bad-scheme = `{ $value }` is not a `mailto:` or `https:` address; reports can only be sent to those.
    .fix = Write `mailto:{ $value }` for an e-mail address, or use an `https:` URL.
tlsrpt-record--http-not-https = Reports must be posted over HTTPS; `{ $value }` uses plain `http:`.
    .fix = Use `https:` for the endpoint.
tlsrpt-record--bad-mailto = `{ $value }` is not a valid e-mail address.
    .fix = Write the address as `mailto:local-part@domain`.
tlsrpt-record--bad-https = `{ $value }` is not a valid HTTPS URL ({ $reason }).
    .fix = Write a full URL such as `https://reports.example.com/v1/tlsrpt`.
tlsrpt-record--unencoded-char = `{ $char }` inside a report URI must be percent-encoded.
    .fix = Write `{ $encoded }` instead of `{ $char }`.
tlsrpt-record--wrong-record-type = This looks like { record-kind }, not an `_smtp._tls` record.
    .fix = Publish the TLS reporting record as its own TXT record at `_smtp._tls.<your domain>`.
tlsrpt-record--multiple-records = { $count } records start with `v=TLSRPTv1`; senders then send no reports at all.
    .fix = Keep exactly one `v=TLSRPTv1` record; put several addresses in one `rua`, separated by commas.
tlsrpt-record--discarded-record = Senders ignore this record because it does not start with `v=TLSRPTv1`.
tlsrpt-record--old-name = `{ $name }` is the draft-era name; senders look up `_smtp._tls`.
    .fix = Publish the record at `{ $expected }`.
tlsrpt-record--wrong-name = This record is published at `{ $name }`; the TLS reporting record belongs at `_smtp._tls.<domain>`.
    .fix = Publish it at `{ $expected }`.

record--malformed-field = `{ $value }` is not a `name=value` field.
    .fix = Separate fields with `;` and write each as `name=value`.
record--empty-field = An empty field (two `;` in a row).
    .fix = Remove the extra `;`.
record--bad-whitespace = White space is not allowed { $where ->
        [around-equals] around `=`
        [inside-uri] inside a URI (separate URIs with `,`)
       *[other] here
    }.
    .fix = Remove the spaces; only `; ` between fields may have spaces.
record--surrounding-whitespace = The record has white space at its { $where ->
        [start] start
       *[end] end
    }; strict senders reject it.
    .fix = Remove the spaces.
record--bad-extension-name = `{ $value }` is not a valid field name (a letter or digit, then up to 31 letters, digits, `_`, `-` or `.`).
record--bad-extension-value = The value of `{ $name }` must not be empty or contain spaces, `=`, `;` or control characters.
record--unknown-field = `{ $name }` is not defined by the standard; senders ignore it.
record--duplicate-field = `{ $name }` is given more than once; senders use the first one.
    .fix = Remove the repeated `{ $name }`.
record--long-string = The record is { $len } bytes long; a single TXT string holds at most 255, so split it into several quoted strings.

policy--empty = The policy file is empty.
    .fix = Start with `version: STSv1`, then `mode`, one `mx` line per MX host, and `max_age`.
policy--too-large = The policy is { $len } bytes; senders may stop reading at 64 KB ({ $max } bytes).
    .fix = Remove what is not needed: a policy needs only version, mode, mx and max_age.
policy--not-utf8 = The file is not valid UTF-8 (byte { $offset }).
    .fix = Save the file as UTF-8 (plain ASCII is best).
policy--bom = The file starts with a byte order mark, which becomes part of the first field name.
    .fix = Save the file as UTF-8 without BOM.
policy--control-char = A control character ({ $value }) is not allowed in a policy.
    .fix = Remove it.
policy--bare-cr = A carriage return that is not followed by a line feed.
    .fix = End lines with LF or CRLF.
policy--mixed-line-endings = The file mixes LF and CRLF line endings.
    .fix = Use one style throughout (CRLF is what the RFC describes; LF is accepted).
policy--blank-line = Empty lines are not part of the policy grammar; some senders reject them.
    .fix = Remove the empty line.
policy--leading-whitespace = White space before the field name; the grammar does not allow it.
    .fix = Start the line with the field name.
policy--malformed-line = `{ $value }` is not a `key: value` line.
    .fix = Write each field as `key: value`, one per line.
policy--bad-field-name = `{ $value }` is not a valid field name.
policy--bad-field-value = The value of `{ $name }` is empty or has characters the grammar does not allow.
policy--field-case = `{ $value }` must be written in lower case as `{ $expected }`; field names are case-sensitive.
    .fix = Write `{ $expected }`.
policy--unknown-field = `{ $name }` is not a field of this policy version; senders ignore it.
policy--duplicate-field = `{ $name }` appears more than once; senders use the first value and ignore this one.
    .fix = Remove this line.
policy--missing-version = The policy has no `version` line.
    .fix = Add `version: STSv1` as the first line.
policy--bad-version = The version is `{ $value }`; the only valid one is `STSv1`.
    .fix = Write `version: STSv1`.
policy--version-not-first = `version` should be the first line of the policy.
    .fix = Move `version: STSv1` to the first line.
policy--missing-mode = The policy has no `mode` line.
    .fix = Add `mode: testing` (and switch to `mode: enforce` once the reports are clean).
policy--bad-mode = The mode is `{ $value }`; it must be `testing`, `enforce` or `none` (lower case).
    .fix = Write `mode: { $suggestion }`.
policy--mode-none = Mode `none` tells senders to forget this domain's policy: it is the way to remove MTA-STS.
    .fix = After senders have fetched this policy (wait max_age), you can delete the TXT record and the policy.
policy--missing-max-age = The policy has no `max_age` line.
    .fix = Add `max_age: 604800` (one week) while testing, and weeks or more once enforced.
policy--bad-max-age = `max_age` must be a whole number of seconds, not `{ $value }`.
    .fix = Write e.g. `max_age: 604800` (one week).
policy--max-age-too-many-digits = `max_age` has { $len } digits; at most 10 are allowed.
    .fix = Use at most 31557600 (one year).
policy--max-age-too-large = `max_age` is { $value }, above the maximum of { $max } seconds (one year).
    .fix = Use at most 31557600.
policy--max-age-short = `max_age` is { $value } seconds, less than one day; senders will refetch constantly and a lost fetch leaves you unprotected.
    .fix = Use at least 86400 (one day); weeks once in enforce mode.
policy--testing-max-age = In testing mode the guide suggests a `max_age` of one to two weeks (604800–1209600); this one is { $value }.
    .fix = Use `max_age: 604800` while testing.
policy--missing-mx = The policy has no `mx` line; mode `{ $mode }` needs at least one.
    .fix = Add one `mx:` line per MX host of the domain.
policy--mx-empty = `mx:` has no host name.
    .fix = Write the host name, e.g. `mx: mail.example.com`.
policy--mx-wildcard-not-leftmost = In `{ $value }`, `*` is somewhere other than the whole left-most label: one leading `*.` is allowed, a `*` anywhere else is not (RFC 8461 §4.1).
    .fix = Write `{ $suggestion }` (it matches one label in front of the name), or list the hosts one by one.
policy--mx-wildcard-too-broad = `{ $value }` would match every host under a top-level domain.
    .fix = List the MX hosts of the domain instead.
policy--mx-u-label = `{ $value }` is written in Unicode; policies must use the A-label form.
    .fix = Write `{ $suggestion }`.
policy--mx-ip-literal = `{ $value }` is an IP address; MX patterns are host names.
    .fix = Use the MX host name as it appears in the MX record.
policy--mx-trailing-dot = `{ $value }` ends with a dot; write the name without it.
    .fix = Write `{ $suggestion }`.
policy--mx-invalid = `{ $value }` is not a valid host name ({ domain-reason }).
policy--mx-duplicate = `{ $value }` is listed more than once.
    .fix = Remove the repeated line.
policy--mx-single-label = `{ $value }` has a single label; public MX hosts have at least two.

mx--not-covered-enforce = The MX `{ $host }` is not matched by any `mx` pattern: in enforce mode, senders will refuse to deliver mail to it.
    .fix = Add `mx: { $host }` to the policy.
mx--not-covered = The MX `{ $host }` is not matched by any `mx` pattern: reports will show failures for it, and enforce mode would stop mail to it.
    .fix = Add `mx: { $host }` to the policy.
mx--pattern-unused = The pattern `{ $pattern }` matches none of the MX hosts given.
mx--invalid-host = `{ $host }` is not a valid MX host name ({ domain-reason }).

generate--bad-domain = `{ $value }` is not a valid domain name ({ domain-reason }).
generate--no-mx = Give at least one MX host (the names in the domain's MX records).
generate--no-rua = No report address: add one so that senders can tell you what fails.
    .fix = e.g. `mailto:tls-reports@{ $domain }`.
generate--bad-max-age = `max_age` must be between 0 and 31557600 seconds; { $value } is not.

report--bad-json = This is not valid JSON: { $reason }.
report--not-report = This JSON is not a TLS report: { $reason }.
report--missing-field = The field `{ $field }` is missing.
report--too-large = The file is { $len } bytes, above the limit of { $max } bytes.
report--inflated-too-large = The compressed data inflates to more than { $max } bytes; refused (a gzip bomb, or not a single report).
report--bad-gzip = The gzip data is corrupt: { $reason }.
report--email-without-report = This e-mail has no TLS report attached (no application/tlsrpt+gzip or application/tlsrpt+json part).
report--unknown-format = This file is not JSON, gzip or an e-mail.
report--bad-datetime = `{ $value }` in `{ $field }` is not an RFC 3339 date-time.
report--datetime-no-timezone = `{ $value }` in `{ $field }` has no time zone; read as UTC.
report--mx-host-string = `mx-host` is a string; the corrected RFC (erratum 6241) makes it an array.
report--mx-host-prefixed = `mx-host` value `{ $value }` starts with `mx:`; read as `{ $suggestion }`.
report--bad-ip = `{ $value }` in `{ $field }` is not an IP address.
report--unknown-result-type = Result type `{ $value }` is not in the RFC 8460 registry.
report--unknown-policy-type = Policy type `{ $value }` is not in the RFC 8460 registry.
report--policy-string-json = A `policy-string` entry holds a JSON array as one string; read as { $count } entries.
report--contact-null = `contact-info` is null.
report--failure-count-mismatch = The failure details add up to { $details } sessions, the summary says { $total } (allowed: details may be partial).
report--bad-count = `{ $field }` must be a non-negative integer, not `{ $value }`.
report--too-many-parts = The e-mail holds { $count } report parts; at most { $max } are read from one message.
    .fix = Send the reports in separate messages.
report--too-deeply-nested = The e-mail holds { $count } forwarded messages (message/rfc822); at most { $max } are read from one message.
    .fix = Send the report itself, or forward it once.
dkim--missing = The report e-mail from `{ $from }` has no DKIM signature; RFC 8460 requires a valid signature by the reporting domain, so it is ignored.
    .fix = The sender must sign its report e-mails with DKIM for its own domain. To take unsigned reports anyway (not recommended), set REQUIRE_DKIM to false.
dkim--invalid = The DKIM signature by `{ $domain }` does not verify ({ $reason }), so the report is ignored.
    .fix = If something changed the message on its way (a forwarder, a mailing list footer), have reports delivered straight to this address.
dkim--wrong-domain = The report e-mail is signed by `{ $domain }`, not by the reporting domain `{ $from }`, so it is ignored.
    .fix = The sender must sign with its own domain, the one in `From:`.
dkim--body-length = The DKIM signature by `{ $domain }` uses `l=`, which RFC 8460 forbids: text could be appended to the report without breaking it.
    .fix = The sender must sign the whole body (no `l=` tag).

## Rollout steps (the Workspace guide's order; RFC 8461 §8)
step--reports = Create a mailbox or an HTTPS endpoint that will receive the daily TLS reports for { $domain }: { $rua }.
step--publish-tlsrpt = Publish the TLS reporting record first: TXT at `{ $name }` with the value `{ $record }`.
step--host-policy = Serve the policy file at { $url } over HTTPS, with a certificate valid for { $host }. Always publish a changed policy before you change the id.
step--publish-sts = Publish the MTA-STS record: TXT at `{ $name }` with the value `{ $record }`. Change the id every time the policy changes.
step--testing = Stay in testing mode for about two weeks and read the daily reports: every failure they show would be a message refused in enforce mode.
step--enforce = When the reports are clean, change the policy to `mode: enforce` (a longer `max_age`, weeks or more, is then advised), then publish a new id.
step--monitor = Keep reading the reports: a failure in enforce mode is a message that was not delivered.
step--removal = To turn MTA-STS off, publish `mode: none` with a new id, wait until the old `max_age` has passed, then remove the records and the policy.

## Web app
ui--nav-label = Main
ui--nav-validate = Validate
ui--nav-generate = Generate
ui--nav-check = Check a domain
ui--nav-reports = Reports
ui--nav-stored = Stored reports
ui--not-found = This page does not exist.
ui--privacy = Everything you paste or drop is processed in your browser and never leaves this machine.
ui--privacy-server = This page asks this site's server: what you enter here is sent to it (the admin token to this site only).
ui--footer-rfcs = MTA-STS (RFC 8461) · SMTP TLS Reporting (RFC 8460)
ui--validate-title = Check a policy or a DNS record
ui--validate-lead = Paste an mta-sts.txt policy, an _mta-sts or _smtp._tls TXT record (or the output of dig), or a TLS report. The checks run as you type.
ui--validate-input-label = Text to check
ui--validate-placeholder = version: STSv1 …   or   v=STSv1; id=…   or   v=TLSRPTv1; rua=…
ui--kind = Input
ui--kind-auto = Detect automatically
ui--kind-auto-detected = Detect automatically ({ $kind })
ui--kind-policy = Policy file (mta-sts.txt)
ui--kind-sts-record = _mta-sts record
ui--kind-tlsrpt-record = _smtp._tls record
ui--kind-report = TLS report (JSON)
ui--examples = Examples:
ui--mx-hosts = MX hosts of the domain (optional, one per line): shows which pattern covers each
ui--copy-permalink = Copy permalink
ui--report-line = Report from { $org } ({ $id }): { $ok } successful, { $failed } failed sessions.
ui--coverage = MX coverage
ui--col-pattern = Matching pattern
ui--not-covered = not covered
ui--source = Input with findings marked
ui--line = line
ui--fix = Fix:
ui--severity-error = error
ui--severity-warning = warning
ui--severity-info = note
ui--valid = Valid
ui--valid-with-warnings = Valid, with warnings
ui--invalid = Invalid
ui--counts = { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    } · { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    } · { $infos ->
        [one] 1 note
       *[other] { $infos } notes
    }
ui--copy = Copy
ui--copied = Copied
ui--generate-title = Set up MTA-STS and TLS reporting
ui--generate-lead = Follow the steps in order: reports first, then the policy in testing mode for about two weeks, then enforce.
ui--gen-domain = Mail domain
ui--gen-mx = MX hosts (one per line; *.example.net covers one label)
ui--gen-mx-help = The host names in your domain's MX records.
ui--gen-rua = Where to send TLS reports
ui--gen-rua-help = E-mail addresses or https:// endpoints, separated by commas.
ui--gen-mode = Mode
ui--gen-max-age = max_age (seconds)
ui--gen-id = Policy id
ui--gen-new-id = New id (now)
ui--gen-linted = The output below is checked with the same rules as the validator.
ui--gen-step-tlsrpt = 1. Publish the TLS reporting record
ui--gen-step-policy = 2. Publish the policy file
ui--gen-policy-where = Serve this file at { $url } over HTTPS.
ui--gen-step-sts = 3. Publish the MTA-STS record
ui--gen-step-zone = Zone file lines
ui--record-name = Name (host)
ui--record-value = Value (TXT)
ui--zone-lines = Both records as zone-file lines
ui--download-policy = Download mta-sts.txt
ui--rollout = Rollout
ui--reports-title = Read TLS reports
ui--reports-lead = Drop the daily reports (.json, .json.gz or the report e-mails) to see what senders saw. Duplicates are counted once.
ui--drop-here = Drop report files here, or click to choose
ui--drop-kinds = .json · .json.gz · .gz · .eml — as many as you like
ui--progress = { $done } of { $total } files read
ui--clear = Clear
ui--refused-files = { $count } file(s) could not be read
ui--filter-domain = Policy domain
ui--all-domains = All domains
ui--filter-from = From
ui--filter-to = To
ui--export-csv = Export CSV
ui--export-json = Export JSON
ui--card-reports = reports
ui--card-success-rate = success rate
ui--card-successful = successful sessions
ui--card-failed = failed sessions
ui--card-duplicates = duplicates skipped
ui--period = From { $from } to { $to }
ui--per-day = Sessions per day
ui--chart-label = Successful and failed sessions over { $days } days
ui--chart-tip = { $day }: { $ok } successful, { $failed } failed
ui--legend-ok = successful
ui--legend-failed = failed
ui--legend-rate = failure rate
ui--by-organization = By sending organization
ui--by-domain = By policy domain
ui--by-policy-type = By policy type
ui--by-result-type = Failures by result type
ui--by-mx = Failures by receiving MX
ui--by-ip = Failures by sending IP
ui--failure-details = Failure details
ui--no-failures = No failures reported.
ui--not-given = (not given)
ui--more-rows = … and { $count } more ({ $failed } failed sessions)
ui--rows-shown = Showing { $shown } of { $total } rows; the export has all of them.
ui--col-key = Name
ui--col-reports = Reports
ui--col-successful = Successful
ui--col-failed = Failed
ui--col-success-rate = Success rate
ui--col-day = Day
ui--col-organization = Organization
ui--col-domain = Policy domain
ui--col-result-type = Result type
ui--col-mx = Receiving MX
ui--col-ip = Sending IP
ui--col-receiving-ip = Receiving IP
ui--col-reason = Reason code
ui--col-info = More information
ui--check-title = Check a live domain
ui--check-lead = Looks up the domain's MTA-STS and TLS reporting records and fetches its policy the way a sending server does (RFC 8461 §3.3), then checks everything with the same rules as the validator.
ui--check-domain = Mail domain
ui--check-run = Check
ui--check-running = Checking { $domain }…
ui--check-sts-id = `_mta-sts` id
ui--check-policy-hash = Policy content hash
ui--check-mx = MX hosts
ui--check-covered-by = covered by `{ $pattern }`
ui--check-not-covered = not covered by the policy
ui--check-findings = Findings
ui--check-policy = The policy as fetched
ui--check-raw = DNS and HTTP answers
ui--check-open-generator = Open the generator with this domain, its MX hosts and report addresses
ui--check-error = The check could not run: { $reason }
ui--check-rate-limited = Too many checks from your address: wait a minute and try again.
ui--check-bad-domain = Enter a mail domain such as example.com — not a URL, an IP address or a port.
ui--check-privacy = This check runs on the server of this site: it asks public DNS and the domain's policy host, and keeps only the id and policy hash it saw (to notice a policy changed without a new id).
ui--check-none = (none)
ui--stored-title = Stored reports
ui--stored-lead = Reports your worker received by HTTPS (/v1/tlsrpt) and by e-mail (Email Routing). The admin token stays in this tab's session storage.
ui--token = Admin token
ui--load = Load
ui--forget-token = Forget token
ui--loading = Loading…
ui--stored-listed = { $count } stored reports read.
ui--language = Language
cli--see = see
cli--duplicate = duplicate, not counted

## Live domain check
check--no-sts-record = `_mta-sts.{ $domain }` has no MTA-STS record: senders do not use MTA-STS for this domain.
    .fix = Generate the records and the policy, and publish them in the guide's order.
check--no-tlsrpt-record = `_smtp._tls.{ $domain }` has no TLS reporting record: nobody will tell you when TLS fails.
    .fix = Publish `v=TLSRPTv1; rua=mailto:…` at `_smtp._tls.{ $domain }` first.
check--sts-at-apex = A `v=STSv1` record is published at `{ $domain }` itself; senders only look at `_mta-sts.{ $domain }`.
    .fix = Move it to `_mta-sts.{ $domain }`.
check--dns-error = The DNS query for `{ $name }` failed: { $reason }.
check--no-mx = `{ $domain }` has no MX records, so there is nothing for the policy to cover.
check--policy-http-status = `{ $url }` answered HTTP { $status }; only 200 counts as a policy.
    .fix = Serve the policy file at exactly this URL with status 200.
check--policy-redirect = `{ $url }` redirects to `{ $location }`; senders must not follow redirects.
    .fix = Serve the policy directly at this URL, without a redirect.
check--policy-content-type = `{ $url }` is served as `{ $value }`; senders expect `text/plain`.
    .fix = Serve it with `Content-Type: text/plain; charset=utf-8`.
check--policy-timeout = `{ $url }` did not answer within { $seconds } seconds.
check--policy-tls = The HTTPS connection to `{ $host }` failed: { $reason }.
    .fix = Use a certificate valid for `{ $host }` from a public CA, and keep it renewed.
check--policy-unreachable = `{ $host }` cannot be reached: { $reason }.
    .fix = Publish an address for `{ $host }` and serve the policy there over HTTPS.
check--id-not-changed = The policy changed (content hash { $hash }) but the `_mta-sts` id is still `{ $id }`: senders keep the cached policy.
    .fix = Publish a new id, e.g. `id={ $hash }`.
check--mx-no-starttls = The MX `{ $host }` does not offer STARTTLS.
check--mx-cert-mismatch = The certificate of the MX `{ $host }` is not valid for that name.
check--mx-tls-error = TLS with the MX `{ $host }` failed: { $reason }.
check--resolver-failed = The checker could not get an answer for `{ $name }` from its resolver: { $reason }.
    .fix = Try again later; if it persists, the checker's resolver (`DOH_URL`, or `--resolver`) is down.
check--smtp-not-tested = STARTTLS on the MX hosts was not tested from here (a web checker cannot open port 25).
    .fix = Run `mtasts check { $domain }` (without `--no-smtp`) from a host that can reach port 25 to test each MX's STARTTLS and certificate.
check--dnssec-validated = The resolver validated these DNS answers with DNSSEC.
check--dnssec-not-validated = These DNS answers are not DNSSEC-validated: senders trust the first policy they fetch, as MTA-STS intends.
check--status = { $status ->
        [working] MTA-STS is working: enforced.
        [testing] MTA-STS is working in testing mode: read the reports, then switch to enforce.
        [removing] MTA-STS is being removed (mode none).
        [not-configured] MTA-STS is not set up for this domain.
        [could-not-check] The check could not be completed: the facts below are incomplete, so there is no verdict on the domain.
       *[broken] MTA-STS is broken: fix the errors below.
    }
check--next = { $status ->
        [working] Next: keep reading the daily TLS reports, and publish a new `_mta-sts` id every time the policy changes.
        [testing] Next: read the daily TLS reports for about two weeks; when they show no failures, set `mode: enforce` and publish a new id.
        [removing] Next: wait for the largest max_age to pass, then delete the `_mta-sts` record and the policy.
        [not-configured] Next: publish the `_smtp._tls` reporting record first, then the policy in testing mode and the `_mta-sts` record — the generator writes all three.
        [could-not-check] Next: try again later; the problem is on the checker's side (its resolver), not necessarily the domain's.
       *[broken] Next: fix the errors below from the top; senders treat the domain as if it had no usable policy until then.
    }

## The worker's HTTP answers (refusals; the same diagnostic shape as every finding)
auth--not-configured = The admin API is switched off: this deployment has no admin token.
    .fix = Set the `ADMIN_TOKEN` secret (`wrangler secret put ADMIN_TOKEN`; locally in `.dev.vars`).
auth--invalid-token = The `Authorization: Bearer` token is missing or wrong: it is this deployment's `ADMIN_TOKEN` secret (locally in `.dev.vars`).
    .fix = Use this deployment's `ADMIN_TOKEN` secret (`wrangler secret put ADMIN_TOKEN`; locally in `.dev.vars`), sent as `Authorization: Bearer <token>`.
api--not-found = There is nothing at `{ $path }`.
api--bad-domain = `{ $value }` is not a domain name ({ domain-reason }).
    .fix = Give a name like example.com.
api--bad-date = `{ $param }` must be a date YYYY-MM-DD, not `{ $value }`.
api--bad-key = `{ $value }` is not the key of a stored report.
    .fix = Use a `key` that `GET /api/reports` lists.
api--bad-cursor = `{ $value }` is not a cursor this store gave.
    .fix = Pass the `cursor` of the previous page as it was returned, or leave it out for the first page.
api--unreadable-body = The request body could not be read: { $reason }.
    .fix = Send the body again.
api--invalid-policy = The policy has { $errors ->
        [one] one error
       *[other] { $errors } errors
    } and was not stored.
    .fix = Fix the findings listed in `details`, then store it again.
api--cannot-generate = The records for `{ $domain }` could not be generated from its stored policy.
    .fix = Store a valid policy for the domain first.
ingest--unsupported-type = `{ $value }` is not the media type of a TLS report.
    .fix = Post with `Content-Type: application/tlsrpt+gzip` or `application/tlsrpt+json`.
ingest--empty-body = The request has no body.
    .fix = Post the report itself.
ingest--domain-not-served = This endpoint takes reports only for the domains it serves; this report is for { $domains }.
    .fix = Send the report to the address in that domain's own `_smtp._tls` record.
ingest--count-too-large = `{ $field }` is { $value }: past { $max }, the largest count stored exactly.
    .fix = Send session counts as they were counted; a day of SMTP sessions is far below this bound.
http--not-found = There is nothing at `{ $path }`.
http--method-not-allowed = `{ $method }` is not allowed here.
    .fix = Use { $allow }.
server--unavailable = Storage is unavailable right now; nothing was stored.
    .fix = Retry later.
policy--unknown-host = `{ $host }` is not an `mta-sts.<domain>` host served here.
policy--unknown-domain = No policy is stored for `{ $domain }`.
    .fix = Store one with `PUT /api/policies/{ $domain }`.
policy--invalid-stored = The stored policy of `{ $domain }` has errors, so it is not served.
    .fix = Store a valid policy with `PUT /api/policies/{ $domain }`.
check--missing-domain = Give the mail domain to check.
    .fix = e.g. `/api/check?domain=example.com`.
check--bad-domain = `{ $value }` is not a mail domain name ({ domain-reason }).
    .fix = Give a name like example.com — not a URL, an IP address or a port.
check--rate-limited = Too many checks from your address.
    .fix = Wait { $seconds } seconds, then try again.
ui--rule-page = What this rule means, why it matters, examples
records--rua-order = This deployment's e-mail address comes first: Microsoft mails reports only to the first `rua` address and Google mails them too; the HTTPS endpoint second, for senders that upload.
ui--arrivals = How they arrived
ui--col-report-id = Report id
ui--col-via = Arrived by
ui--col-sender = Envelope sender
cli--skipped = { $count ->
        [one] 1 message in the mailbox is not a TLS report and was skipped.
       *[other] { $count } messages in the mailbox are not TLS reports and were skipped.
    }
watch--failure-rate = { $rate } % of the sessions on { $day } failed ({ $failed } of { $sessions }), above the { $threshold } % threshold.
    .fix = Look at the result types and MX hosts in the day's reports: a certificate or STARTTLS problem on an MX is the usual cause.
watch--new-result-type = A failure type never seen before for this domain: `{ $result }` ({ $count } sessions on { $day }).
    .fix = Read the failure details of the day's reports: a new result type means something changed at an MX or in DNS.
watch--reports-stopped = No TLS report for { $days } days; the last was for { $last }.
    .fix = Check that the `_smtp._tls` record still exists and that its `rua` mailbox or endpoint still takes reports.
watch--policy-invalid = The policy senders get has { $errors } errors (first: `{ $first }`), so it is not served.
    .fix = Lint the policy (`mtasts lint`), fix it and store it again; publish a new `id` afterwards.
watch--mx-not-covered = Mail goes to the MX `{ $host }` ({ $count } failed sessions), which no `mx:` line of the policy covers.
    .fix = Add `mx: { $host }` (or a wildcard for it) to the policy and publish a new `id`.
watch--mx-gone = The policy's `mx: { $pattern }` matches none of the domain's MX hosts ({ $mx }).
    .fix = Remove the line from the policy if the MX is gone for good, and publish a new `id`.
watch--enforce-with-failures = The policy is in `enforce` mode and { $count } sessions failed since { $since }: senders did not deliver those messages.
    .fix = Fix the failing MX hosts now, or switch to `mode: testing` (with a new `id`) until they are fixed.
watch--rua-elsewhere = The `_smtp._tls` record sends reports to { $rua }, not to this deployment ({ $ours }).
    .fix = Publish `rua=` with one of this deployment's addresses (first, Microsoft mails only the first).
api--bad-watch-settings = The watch setting `{ $field }` cannot be `{ $value }`: expected { $expected }.
ui--watch-link = Digests and alerts by e-mail or webhook: the watch →

## home
ui--home-title = MTA-STS and TLS reporting, from set-up to daily reports
ui--home-lead = MTA-STS (RFC 8461) makes servers that send you mail insist on an encrypted, authenticated connection; TLS reporting (RFC 8460) has them tell you every day when they could not. Start with your domain.
ui--home-domain = Your mail domain
ui--home-check = Check my domain
ui--home-check-text = See what a sending server sees: the records, the policy and whether your MX hosts are covered.
ui--home-generate = Set it up
ui--home-generate-text = The records and the policy file to publish, in the order the rollout needs, starting in testing mode.
ui--home-reports = Read my reports
ui--home-reports-text = Drop the daily reports senders mail you: they are read in this browser and never uploaded.
ui--home-validate-text = Already have a policy or a record?
ui--home-validate = Validate it here.
ui--skip = Skip to the content
ui--copy-what = Copy: { $what }
ui--copied-what = Copied: { $what }
ui--gen-domain-cleaned = Using `{ $domain }`: the domain, without the scheme, path or address around it.
ui--gen-stale = A field above needs fixing (see the finding under it). The output below is for the last input that was valid.
ui--gen-fix-fields = A field above needs fixing (see the finding under it); the records and the policy appear as soon as it reads.
ui--gen-certificate = Senders fetch it over HTTPS and check the certificate: it must be valid for `{ $host }` (RFC 8461 §3.3), not only for the domain.
ui--gen-host-here = Let this site host the policy
ui--gen-host-here-how = This site's worker serves `https://{ $host }/.well-known/mta-sts.txt` for every domain it is given. On Cloudflare: add the route `{ $host }/*` to the worker, the proxied DNS record below (the edge certificate then covers `{ $host }`), and store the policy with `PUT /api/policies/{ $domain }` (the admin token). The check page then shows it live.
ui--gen-host-record = DNS record for { $host }
ui--gen-testing-until = Earliest switch to enforce, two weeks from today: { $date }. Read the reports until then:
ui--read-title = What a sender reads
ui--read-field = Field
ui--read-value = Value
ui--read-meaning = What a sender does with it
ui--read-v-sts = An MTA-STS record, version 1: the domain has a policy to fetch (RFC 8461 §3.1).
ui--read-id = The policy's version: a sender fetches the policy again when this changes, so change it with every policy change (RFC 8461 §3.1).
ui--read-v-tlsrpt = A TLS reporting record, version 1: senders send a daily report of their TLS sessions (RFC 8460 §3).
ui--read-mailto = Report address { $n }: senders mail the reports there as a `multipart/report` e-mail (RFC 8460 §3, §5.3).
ui--read-https = Report address { $n }: senders POST the reports there (RFC 8460 §3, §5.4).
ui--read-extension = Not defined by the RFC: senders ignore it.
ui--read-mode-enforce = Senders deliver only over TLS with a valid certificate to an MX host listed below, and otherwise hold the mail (RFC 8461 §5).
ui--read-mode-testing = Senders deliver as before, but report every session that would have failed (RFC 8461 §5).
ui--read-mode-none = Senders stop applying MTA-STS to the domain once they have fetched this policy (RFC 8461 §5).
ui--read-max-age = Senders cache the policy for { $days } days and keep applying it that long without refetching (RFC 8461 §3.2).
ui--read-mx = An MX host senders accept, by its exact name (RFC 8461 §4.1).
ui--read-mx-wildcard = Any MX host one label under this name, e.g. `mx1` in front of it (RFC 8461 §4.1).
ui--mx-box = MX hosts
ui--filter = Filter
ui--filter-of = Filter: { $table }
ui--show-all = Show all { $n }
ui--show-top = Show the top { $n }
ui--long-value = { $chars } characters:
ui--stored-empty = No reports stored yet for this choice.
ui--stored-empty-how = Reports arrive once the domain's `_smtp._tls` record names this site: `GET /api/records` gives the record to publish (the mailbox first, then the HTTPS endpoint); senders mail or post one report a day. A wider date range or no domain filter shows what is already here. Setting up a domain:
ui--col-report-id = Report id
ui--stored-list = Reports, newest first
ui--page-newer = ← Newer
ui--page-older = Older →
ui--page-number = Page { $n }
ui--chart-break = { $days } days without reports ({ $from } to { $to })
ui--chart-hint = Point at a day, tap it or reach it with Tab to read its figures here.
ui--by-result-and-mx = Failures by result type and MX
ui--by-day-and-result = Each result type per day (filter by a type for its trend)
