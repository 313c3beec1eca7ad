# mtasts-Meldungskatalog — Deutsch. Gleiche IDs und Platzhalter wie en.ftl.
# Protokoll-Token (mx, max_age, v=STSv1, enforce, …) bleiben unübersetzt.

## Gemeinsame Begriffe in Meldungen
record-kind = { $kind ->
        [spf] ein SPF-Eintrag
        [dmarc] ein DMARC-Eintrag
        [dkim] ein DKIM-Schlüssel
        [bimi] ein BIMI-Eintrag
        [tlsrpt] ein TLS-Berichtseintrag (_smtp._tls)
        [sts] ein MTA-STS-Eintrag (_mta-sts)
        [site-verification] ein Eintrag zur Domainbestätigung
        [policy-file] eine MTA-STS-Richtliniendatei
       *[other] ein anderer Eintragstyp
    }
domain-reason = { $reason ->
        [empty] der Name ist leer
        [too-long] { $detail } Zeichen, höchstens 253
        [empty-label] ein leeres Label: zwei Punkte hintereinander?
        [label-too-long] das Label `{ $detail }` ist länger als 63 Zeichen
        [bad-char] `{ $detail }` ist in einem Hostnamen nicht erlaubt
        [hyphen-edge] das Label `{ $detail }` beginnt oder endet mit `-`
        [not-a-domain] ein einzelnes Label ist keine Domain
        [ip-address] eine IP-Adresse, kein Domainname
       *[other] { $detail }
    }

input--empty = Es gibt nichts zu prüfen: Die Eingabe ist leer.
    .fix = Fügen Sie den Wert des TXT-Eintrags oder die Ausgabe von `dig TXT _mta-sts.example.com` ein.
input--curly-quotes = `{ $quote }` ist ein typografisches Anführungszeichen, wohl aus einem Dokument oder Chat: DNS-Text wird mit geraden `"` umschlossen.
    .fix = Ersetzen Sie jedes geschwungene Anführungszeichen durch `"` (oder fügen Sie den Wert ohne Anführungszeichen ein).
input--unclosed-quote = Diese Zeichenkette in Anführungszeichen ist nicht geschlossen.
    .fix = Ergänzen Sie das schließende `"`.

sts-record--version-not-first = Der Eintrag muss mit `v=STSv1` beginnen, beginnt aber mit `{ $value }`.
    .fix = Setzen Sie `v=STSv1;` an den Anfang des Eintrags.
sts-record--bad-version = Die Version ist `{ $value }`; gültig ist nur `STSv1` (Groß-/Kleinschreibung beachten).
    .fix = Schreiben Sie `v=STSv1`.
sts-record--missing-id = Der Eintrag hat kein `id`-Feld; Absender erkennen daran, dass sich die Richtlinie geändert hat.
    .fix = Ergänzen Sie `id={ $suggestion }` (1 bis 32 Buchstaben und Ziffern; bei jeder Änderung der Richtlinie neu).
sts-record--id-empty = Das Feld `id` ist leer.
    .fix = Verwenden Sie 1 bis 32 Buchstaben und Ziffern, z. B. `id={ $suggestion }`.
sts-record--id-too-long = Die `id` hat { $len } Zeichen; erlaubt sind höchstens 32.
    .fix = Verwenden Sie eine kürzere ID, z. B. die UTC-Zeit `{ $suggestion }`.
sts-record--id-invalid-char = Die `id` enthält `{ $value }`; erlaubt sind nur Buchstaben und Ziffern.
    .fix = Verwenden Sie nur A–Z, a–z und 0–9, z. B. `id={ $suggestion }`.
sts-record--wrong-record-type = Das sieht aus wie { record-kind }, nicht wie ein `_mta-sts`-Eintrag.
    .fix = Veröffentlichen Sie den MTA-STS-Eintrag als eigenen TXT-Eintrag unter `_mta-sts.<Ihre Domain>`.
sts-record--multiple-records = { $count } Einträge beginnen mit `v=STSv1`; Absender verhalten sich dann, als gäbe es kein MTA-STS.
    .fix = Behalten Sie unter diesem Namen genau einen `v=STSv1`-Eintrag.
sts-record--discarded-record = Absender ignorieren diesen Eintrag, weil er nicht mit `v=STSv1` beginnt.
sts-record--wrong-name = Dieser Eintrag ist unter `{ $name }` veröffentlicht; der MTA-STS-Eintrag gehört unter `_mta-sts.<Domain>`.
    .fix = Veröffentlichen Sie ihn unter `{ $expected }`.

tlsrpt-record--version-not-first = Der Eintrag muss mit `v=TLSRPTv1` beginnen, beginnt aber mit `{ $value }`.
    .fix = Setzen Sie `v=TLSRPTv1;` an den Anfang des Eintrags.
tlsrpt-record--bad-version = Die Version ist `{ $value }`; gültig ist nur `TLSRPTv1` (eine Version 2 gibt es nicht).
    .fix = Schreiben Sie `v=TLSRPTv1`.
tlsrpt-record--missing-rua = Der Eintrag hat kein `rua`-Feld; Absender wissen nicht, wohin sie Berichte senden sollen.
    .fix = Ergänzen Sie `rua=mailto:tls-reports@<Ihre Domain>`.
tlsrpt-record--empty-uri = Eine leere Adresse in `rua` (ein überzähliges Komma?).
    .fix = Entfernen Sie das überzählige Komma.
tlsrpt-record--bad-scheme = `{ $value }` ist keine `mailto:`- oder `https:`-Adresse; nur dorthin können Berichte gesendet werden.
    .fix = Schreiben Sie `mailto:{ $value }` für eine E-Mail-Adresse oder verwenden Sie eine `https:`-URL.
tlsrpt-record--http-not-https = Berichte müssen über HTTPS gesendet werden; `{ $value }` verwendet unverschlüsseltes `http:`.
    .fix = Verwenden Sie `https:` für den Endpunkt.
tlsrpt-record--bad-mailto = `{ $value }` ist keine gültige E-Mail-Adresse.
    .fix = Schreiben Sie die Adresse als `mailto:lokaler-teil@domain`.
tlsrpt-record--bad-https = `{ $value }` ist keine gültige HTTPS-URL ({ $reason }).
    .fix = Schreiben Sie eine vollständige URL wie `https://reports.example.com/v1/tlsrpt`.
tlsrpt-record--unencoded-char = `{ $char }` muss in einer Berichts-URI prozentkodiert werden.
    .fix = Schreiben Sie `{ $encoded }` statt `{ $char }`.
tlsrpt-record--wrong-record-type = Das sieht aus wie { record-kind }, nicht wie ein `_smtp._tls`-Eintrag.
    .fix = Veröffentlichen Sie den TLS-Berichtseintrag als eigenen TXT-Eintrag unter `_smtp._tls.<Ihre Domain>`.
tlsrpt-record--multiple-records = { $count } Einträge beginnen mit `v=TLSRPTv1`; Absender senden dann gar keine Berichte.
    .fix = Behalten Sie genau einen `v=TLSRPTv1`-Eintrag; mehrere Adressen kommen durch Kommas getrennt in ein `rua`.
tlsrpt-record--discarded-record = Absender ignorieren diesen Eintrag, weil er nicht mit `v=TLSRPTv1` beginnt.
tlsrpt-record--old-name = `{ $name }` ist der Name aus dem Entwurf; Absender fragen `_smtp._tls` ab.
    .fix = Veröffentlichen Sie den Eintrag unter `{ $expected }`.
tlsrpt-record--wrong-name = Dieser Eintrag ist unter `{ $name }` veröffentlicht; der TLS-Berichtseintrag gehört unter `_smtp._tls.<Domain>`.
    .fix = Veröffentlichen Sie ihn unter `{ $expected }`.

record--malformed-field = `{ $value }` ist kein Feld der Form `name=wert`.
    .fix = Trennen Sie Felder mit `;` und schreiben Sie jedes als `name=wert`.
record--empty-field = Ein leeres Feld (zwei `;` hintereinander).
    .fix = Entfernen Sie das überzählige `;`.
record--bad-whitespace = Leerzeichen sind { $where ->
        [around-equals] um `=` herum
        [inside-uri] innerhalb einer URI (URIs mit `,` trennen)
       *[other] hier
    } nicht erlaubt.
    .fix = Entfernen Sie die Leerzeichen; nur `; ` zwischen Feldern darf Leerzeichen enthalten.
record--surrounding-whitespace = Der Eintrag hat Leerzeichen am { $where ->
        [start] Anfang
       *[end] Ende
    }; strenge Absender lehnen ihn ab.
    .fix = Entfernen Sie die Leerzeichen.
record--bad-extension-name = `{ $value }` ist kein gültiger Feldname (ein Buchstabe oder eine Ziffer, dann bis zu 31 Buchstaben, Ziffern, `_`, `-` oder `.`).
record--bad-extension-value = Der Wert von `{ $name }` darf nicht leer sein und keine Leerzeichen, `=`, `;` oder Steuerzeichen enthalten.
record--unknown-field = `{ $name }` ist im Standard nicht definiert; Absender ignorieren es.
record--duplicate-field = `{ $name }` kommt mehrfach vor; Absender verwenden das erste.
    .fix = Entfernen Sie das wiederholte `{ $name }`.
record--long-string = Der Eintrag ist { $len } Byte lang; eine TXT-Zeichenkette fasst höchstens 255, teilen Sie ihn in mehrere Zeichenketten in Anführungszeichen.

policy--empty = Die Richtliniendatei ist leer.
    .fix = Beginnen Sie mit `version: STSv1`, dann `mode`, eine `mx`-Zeile pro MX-Host und `max_age`.
policy--too-large = Die Richtlinie ist { $len } Byte groß; Absender lesen eventuell nur 64 KB ({ $max } Byte).
    .fix = Entfernen Sie Unnötiges: Eine Richtlinie braucht nur version, mode, mx und max_age.
policy--not-utf8 = Die Datei ist kein gültiges UTF-8 (Byte { $offset }).
    .fix = Speichern Sie die Datei als UTF-8 (am besten reines ASCII).
policy--bom = Die Datei beginnt mit einer Byte-Order-Mark, die Teil des ersten Feldnamens wird.
    .fix = Speichern Sie die Datei als UTF-8 ohne BOM.
policy--control-char = Ein Steuerzeichen ({ $value }) ist in einer Richtlinie nicht erlaubt.
    .fix = Entfernen Sie es.
policy--bare-cr = Ein Wagenrücklauf ohne folgenden Zeilenvorschub.
    .fix = Beenden Sie Zeilen mit LF oder CRLF.
policy--mixed-line-endings = Die Datei mischt LF- und CRLF-Zeilenenden.
    .fix = Verwenden Sie durchgehend eine Form (der RFC beschreibt CRLF; LF wird akzeptiert).
policy--blank-line = Leerzeilen gehören nicht zur Grammatik der Richtlinie; manche Absender lehnen sie ab.
    .fix = Entfernen Sie die Leerzeile.
policy--leading-whitespace = Leerzeichen vor dem Feldnamen; die Grammatik erlaubt das nicht.
    .fix = Beginnen Sie die Zeile mit dem Feldnamen.
policy--malformed-line = `{ $value }` ist keine Zeile der Form `schlüssel: wert`.
    .fix = Schreiben Sie jedes Feld als `schlüssel: wert`, eines pro Zeile.
policy--bad-field-name = `{ $value }` ist kein gültiger Feldname.
policy--bad-field-value = Der Wert von `{ $name }` ist leer oder enthält Zeichen, die die Grammatik nicht erlaubt.
policy--field-case = `{ $value }` muss klein als `{ $expected }` geschrieben werden; bei Feldnamen zählt die Schreibweise.
    .fix = Schreiben Sie `{ $expected }`.
policy--unknown-field = `{ $name }` ist kein Feld dieser Richtlinienversion; Absender ignorieren es.
policy--duplicate-field = `{ $name }` kommt mehrfach vor; Absender verwenden den ersten Wert und ignorieren diesen.
    .fix = Entfernen Sie diese Zeile.
policy--missing-version = Die Richtlinie hat keine `version`-Zeile.
    .fix = Ergänzen Sie `version: STSv1` als erste Zeile.
policy--bad-version = Die Version ist `{ $value }`; gültig ist nur `STSv1`.
    .fix = Schreiben Sie `version: STSv1`.
policy--version-not-first = `version` sollte die erste Zeile der Richtlinie sein.
    .fix = Verschieben Sie `version: STSv1` in die erste Zeile.
policy--missing-mode = Die Richtlinie hat keine `mode`-Zeile.
    .fix = Ergänzen Sie `mode: testing` (und wechseln Sie zu `mode: enforce`, sobald die Berichte fehlerfrei sind).
policy--bad-mode = Der Modus ist `{ $value }`; er muss `testing`, `enforce` oder `none` sein (kleingeschrieben).
    .fix = Schreiben Sie `mode: { $suggestion }`.
policy--mode-none = Der Modus `none` weist Absender an, die Richtlinie dieser Domain zu vergessen: So wird MTA-STS entfernt.
    .fix = Wenn Absender diese Richtlinie abgerufen haben (max_age abwarten), können Sie den TXT-Eintrag und die Richtlinie löschen.
policy--missing-max-age = Die Richtlinie hat keine `max_age`-Zeile.
    .fix = Ergänzen Sie `max_age: 604800` (eine Woche) im Testmodus, Wochen oder mehr im Erzwingungsmodus.
policy--bad-max-age = `max_age` muss eine ganze Zahl von Sekunden sein, nicht `{ $value }`.
    .fix = Schreiben Sie z. B. `max_age: 604800` (eine Woche).
policy--max-age-too-many-digits = `max_age` hat { $len } Ziffern; erlaubt sind höchstens 10.
    .fix = Verwenden Sie höchstens 31557600 (ein Jahr).
policy--max-age-too-large = `max_age` ist { $value } und liegt über dem Maximum von { $max } Sekunden (ein Jahr).
    .fix = Verwenden Sie höchstens 31557600.
policy--max-age-short = `max_age` beträgt { $value } Sekunden, weniger als einen Tag; Absender rufen ständig neu ab, und ein verlorener Abruf lässt Sie ungeschützt.
    .fix = Verwenden Sie mindestens 86400 (einen Tag); im Erzwingungsmodus Wochen.
policy--testing-max-age = Im Testmodus empfiehlt die Anleitung ein `max_age` von ein bis zwei Wochen (604800–1209600); dieses ist { $value }.
    .fix = Verwenden Sie im Testmodus `max_age: 604800`.
policy--missing-mx = Die Richtlinie hat keine `mx`-Zeile; der Modus `{ $mode }` braucht mindestens eine.
    .fix = Ergänzen Sie eine `mx:`-Zeile pro MX-Host der Domain.
policy--mx-empty = `mx:` hat keinen Hostnamen.
    .fix = Schreiben Sie den Hostnamen, z. B. `mx: mail.example.com`.
policy--mx-wildcard-not-leftmost = In `{ $value }` steht `*` nicht als ganzes Label ganz links: Ein einzelnes führendes `*.` ist erlaubt, ein `*` an anderer Stelle nicht (RFC 8461 §4.1).
    .fix = Schreiben Sie `{ $suggestion }` (passt auf ein Label vor dem Namen), oder führen Sie die Hosts einzeln auf.
policy--mx-wildcard-too-broad = `{ $value }` würde auf jeden Host unter einer Top-Level-Domain passen.
    .fix = Führen Sie stattdessen die MX-Hosts der Domain auf.
policy--mx-u-label = `{ $value }` ist in Unicode geschrieben; Richtlinien müssen die A-Label-Form verwenden.
    .fix = Schreiben Sie `{ $suggestion }`.
policy--mx-ip-literal = `{ $value }` ist eine IP-Adresse; MX-Muster sind Hostnamen.
    .fix = Verwenden Sie den MX-Hostnamen wie im MX-Eintrag.
policy--mx-trailing-dot = `{ $value }` endet mit einem Punkt; schreiben Sie den Namen ohne.
    .fix = Schreiben Sie `{ $suggestion }`.
policy--mx-invalid = `{ $value }` ist kein gültiger Hostname ({ domain-reason }).
policy--mx-duplicate = `{ $value }` ist mehrfach aufgeführt.
    .fix = Entfernen Sie die wiederholte Zeile.
policy--mx-single-label = `{ $value }` hat nur ein Label; öffentliche MX-Hosts haben mindestens zwei.

mx--not-covered-enforce = Der MX `{ $host }` passt auf kein `mx`-Muster: Im Erzwingungsmodus stellen Absender keine E-Mails an ihn zu.
    .fix = Ergänzen Sie `mx: { $host }` in der Richtlinie.
mx--not-covered = Der MX `{ $host }` passt auf kein `mx`-Muster: Die Berichte zeigen Fehler für ihn, und der Erzwingungsmodus würde E-Mails an ihn stoppen.
    .fix = Ergänzen Sie `mx: { $host }` in der Richtlinie.
mx--pattern-unused = Das Muster `{ $pattern }` passt auf keinen der angegebenen MX-Hosts.
mx--invalid-host = `{ $host }` ist kein gültiger MX-Hostname ({ domain-reason }).

generate--bad-domain = `{ $value }` ist kein gültiger Domainname ({ domain-reason }).
generate--no-mx = Geben Sie mindestens einen MX-Host an (die Namen in den MX-Einträgen der Domain).
generate--no-rua = Keine Berichtsadresse: Ergänzen Sie eine, damit Absender Ihnen Fehler melden können.
    .fix = z. B. `mailto:tls-reports@{ $domain }`.
generate--bad-max-age = `max_age` muss zwischen 0 und 31557600 Sekunden liegen; { $value } tut das nicht.

report--bad-json = Das ist kein gültiges JSON: { $reason }.
report--not-report = Dieses JSON ist kein TLS-Bericht: { $reason }.
report--missing-field = Das Feld `{ $field }` fehlt.
report--too-large = Die Datei ist { $len } Byte groß und überschreitet die Grenze von { $max } Byte.
report--inflated-too-large = Die komprimierten Daten entpacken sich auf mehr als { $max } Byte; abgelehnt (eine Gzip-Bombe oder kein einzelner Bericht).
report--bad-gzip = Die Gzip-Daten sind beschädigt: { $reason }.
report--email-without-report = Diese E-Mail enthält keinen TLS-Bericht (kein Teil application/tlsrpt+gzip oder application/tlsrpt+json).
report--unknown-format = Diese Datei ist weder JSON noch Gzip noch eine E-Mail.
report--bad-datetime = `{ $value }` in `{ $field }` ist kein Datum/Uhrzeit nach RFC 3339.
report--datetime-no-timezone = `{ $value }` in `{ $field }` hat keine Zeitzone; als UTC gelesen.
report--mx-host-string = `mx-host` ist eine Zeichenkette; der korrigierte RFC (Erratum 6241) sieht ein Array vor.
report--mx-host-prefixed = Der `mx-host`-Wert `{ $value }` beginnt mit `mx:`; gelesen als `{ $suggestion }`.
report--bad-ip = `{ $value }` in `{ $field }` ist keine IP-Adresse.
report--unknown-result-type = Der Ergebnistyp `{ $value }` steht nicht im Register von RFC 8460.
report--unknown-policy-type = Der Richtlinientyp `{ $value }` steht nicht im Register von RFC 8460.
report--policy-string-json = Ein `policy-string`-Eintrag enthält ein JSON-Array als eine Zeichenkette; gelesen als { $count } Einträge.
report--contact-null = `contact-info` ist null.
report--failure-count-mismatch = Die Fehlerdetails ergeben { $details } Sitzungen, die Zusammenfassung nennt { $total } (zulässig: Details dürfen unvollständig sein).
report--bad-count = `{ $field }` muss eine nicht negative ganze Zahl sein, nicht `{ $value }`.
report--too-many-parts = Die E-Mail enthält { $count } Berichtsteile; aus einer Nachricht werden höchstens { $max } gelesen.
    .fix = Sende die Berichte in getrennten Nachrichten.
report--too-deeply-nested = Die E-Mail enthält { $count } weitergeleitete Nachrichten (message/rfc822); aus einer Nachricht werden höchstens { $max } gelesen.
    .fix = Sende den Bericht selbst oder leite ihn nur einmal weiter.
dkim--missing = Die Berichts-E-Mail von `{ $from }` hat keine DKIM-Signatur; RFC 8460 verlangt eine gültige Signatur der berichtenden Domain, daher wird sie ignoriert.
    .fix = Der Absender muss seine Berichts-E-Mails mit DKIM für die eigene Domain signieren. Um unsignierte Berichte trotzdem anzunehmen (nicht empfohlen), setze REQUIRE_DKIM auf false.
dkim--invalid = Die DKIM-Signatur von `{ $domain }` ist ungültig ({ $reason }), daher wird der Bericht ignoriert.
    .fix = Wenn etwas die Nachricht unterwegs verändert hat (eine Weiterleitung, die Fußzeile einer Liste), lass Berichte direkt an diese Adresse zustellen.
dkim--wrong-domain = Die Berichts-E-Mail ist von `{ $domain }` signiert, nicht von der berichtenden Domain `{ $from }`, daher wird sie ignoriert.
    .fix = Der Absender muss mit der eigenen Domain signieren, der in `From:`.
dkim--body-length = Die DKIM-Signatur von `{ $domain }` verwendet `l=`, was RFC 8460 verbietet: Man könnte dem Bericht Text anhängen, ohne sie zu brechen.
    .fix = Der Absender muss den ganzen Text signieren (ohne `l=`).

## Einführungsschritte (Reihenfolge der Workspace-Anleitung; RFC 8461 §8)
step--reports = Richten Sie ein Postfach oder einen HTTPS-Endpunkt ein, der die täglichen TLS-Berichte für { $domain } empfängt: { $rua }.
step--publish-tlsrpt = Veröffentlichen Sie zuerst den TLS-Berichtseintrag: TXT unter `{ $name }` mit dem Wert `{ $record }`.
step--host-policy = Stellen Sie die Richtliniendatei unter { $url } per HTTPS bereit, mit einem für { $host } gültigen Zertifikat. Veröffentlichen Sie eine geänderte Richtlinie immer, bevor Sie die ID ändern.
step--publish-sts = Veröffentlichen Sie den MTA-STS-Eintrag: TXT unter `{ $name }` mit dem Wert `{ $record }`. Ändern Sie die ID bei jeder Änderung der Richtlinie.
step--testing = Bleiben Sie etwa zwei Wochen im Testmodus und lesen Sie die täglichen Berichte: Jeder gemeldete Fehler wäre im Erzwingungsmodus eine abgelehnte Nachricht.
step--enforce = Sind die Berichte fehlerfrei, ändern Sie die Richtlinie auf `mode: enforce` (dann wird ein längeres `max_age` von Wochen oder mehr empfohlen) und veröffentlichen Sie eine neue ID.
step--monitor = Lesen Sie die Berichte weiter: Ein Fehler im Erzwingungsmodus ist eine nicht zugestellte Nachricht.
step--removal = Um MTA-STS abzuschalten, veröffentlichen Sie `mode: none` mit einer neuen ID, warten Sie, bis das alte `max_age` abgelaufen ist, und entfernen Sie dann die Einträge und die Richtlinie.

## Web-App
ui--nav-label = Hauptmenü
ui--nav-validate = Prüfen
ui--nav-generate = Erstellen
ui--nav-check = Domain prüfen
ui--nav-reports = Berichte
ui--nav-stored = Gespeicherte Berichte
ui--not-found = Diese Seite gibt es nicht.
ui--privacy = Alles, was Sie einfügen oder ablegen, wird in Ihrem Browser verarbeitet und verlässt diesen Rechner nie.
ui--privacy-server = Diese Seite fragt den Server dieser Website: was du hier eingibst, wird an ihn gesendet (das Admin-Token nur an diese Website).
ui--footer-rfcs = MTA-STS (RFC 8461) · SMTP-TLS-Berichterstellung (RFC 8460)
ui--validate-title = Richtlinie oder DNS-Eintrag prüfen
ui--validate-lead = Fügen Sie eine mta-sts.txt-Richtlinie, einen _mta-sts- oder _smtp._tls-TXT-Eintrag (oder die Ausgabe von dig) oder einen TLS-Bericht ein. Die Prüfung läuft während der Eingabe.
ui--validate-input-label = Zu prüfender Text
ui--validate-placeholder = version: STSv1 …   oder   v=STSv1; id=…   oder   v=TLSRPTv1; rua=…
ui--kind = Eingabe
ui--kind-auto = Automatisch erkennen
ui--kind-auto-detected = Automatisch erkennen ({ $kind })
ui--kind-policy = Richtliniendatei (mta-sts.txt)
ui--kind-sts-record = _mta-sts-Eintrag
ui--kind-tlsrpt-record = _smtp._tls-Eintrag
ui--kind-report = TLS-Bericht (JSON)
ui--examples = Beispiele:
ui--mx-hosts = MX-Hosts der Domain (optional, einer pro Zeile): zeigt, welches Muster jeden abdeckt
ui--copy-permalink = Permalink kopieren
ui--report-line = Bericht von { $org } ({ $id }): { $ok } erfolgreiche, { $failed } fehlgeschlagene Sitzungen.
ui--coverage = MX-Abdeckung
ui--col-pattern = Passendes Muster
ui--not-covered = nicht abgedeckt
ui--source = Eingabe mit markierten Befunden
ui--line = Zeile
ui--fix = Abhilfe:
ui--severity-error = Fehler
ui--severity-warning = Warnung
ui--severity-info = Hinweis
ui--valid = Gültig
ui--valid-with-warnings = Gültig, mit Warnungen
ui--invalid = Ungültig
ui--counts = { $errors } Fehler · { $warnings ->
        [one] 1 Warnung
       *[other] { $warnings } Warnungen
    } · { $infos ->
        [one] 1 Hinweis
       *[other] { $infos } Hinweise
    }
ui--copy = Kopieren
ui--copied = Kopiert
ui--generate-title = MTA-STS und TLS-Berichterstellung einrichten
ui--generate-lead = Gehen Sie der Reihe nach vor: zuerst die Berichte, dann die Richtlinie etwa zwei Wochen im Testmodus, dann Erzwingung.
ui--gen-domain = E-Mail-Domain
ui--gen-mx = MX-Hosts (einer pro Zeile; *.example.net deckt ein Label ab)
ui--gen-mx-help = Die Hostnamen in den MX-Einträgen Ihrer Domain.
ui--gen-rua = Empfänger der TLS-Berichte
ui--gen-rua-help = E-Mail-Adressen oder https://-Endpunkte, durch Kommas getrennt.
ui--gen-mode = Modus
ui--gen-max-age = max_age (Sekunden)
ui--gen-id = Richtlinien-ID
ui--gen-new-id = Neue ID (jetzt)
ui--gen-linted = Die Ausgabe unten wird mit denselben Regeln geprüft wie im Prüfer.
ui--gen-step-tlsrpt = 1. TLS-Berichtseintrag veröffentlichen
ui--gen-step-policy = 2. Richtliniendatei veröffentlichen
ui--gen-policy-where = Stellen Sie diese Datei unter { $url } per HTTPS bereit.
ui--gen-step-sts = 3. MTA-STS-Eintrag veröffentlichen
ui--gen-step-zone = Zeilen für die Zonendatei
ui--record-name = Name (Host)
ui--record-value = Wert (TXT)
ui--zone-lines = Beide Einträge als Zeilen einer Zonendatei
ui--download-policy = mta-sts.txt herunterladen
ui--rollout = Einführung
ui--reports-title = TLS-Berichte lesen
ui--reports-lead = Legen Sie die täglichen Berichte ab (.json, .json.gz oder die Bericht-E-Mails), um zu sehen, was Absender erlebt haben. Doppelte werden einmal gezählt.
ui--drop-here = Berichtsdateien hier ablegen oder klicken, um sie auszuwählen
ui--drop-kinds = .json · .json.gz · .gz · .eml — so viele Sie möchten
ui--progress = { $done } von { $total } Dateien gelesen
ui--clear = Leeren
ui--refused-files = { $count } Datei(en) konnten nicht gelesen werden
ui--filter-domain = Richtliniendomain
ui--all-domains = Alle Domains
ui--filter-from = Von
ui--filter-to = Bis
ui--export-csv = CSV exportieren
ui--export-json = JSON exportieren
ui--card-reports = Berichte
ui--card-success-rate = Erfolgsquote
ui--card-successful = erfolgreiche Sitzungen
ui--card-failed = fehlgeschlagene Sitzungen
ui--card-duplicates = übersprungene Duplikate
ui--period = Vom { $from } bis zum { $to }
ui--per-day = Sitzungen pro Tag
ui--chart-label = Erfolgreiche und fehlgeschlagene Sitzungen über { $days } Tage
ui--chart-tip = { $day }: { $ok } erfolgreich, { $failed } fehlgeschlagen
ui--legend-ok = erfolgreich
ui--legend-failed = fehlgeschlagen
ui--legend-rate = Fehlerquote
ui--by-organization = Nach sendender Organisation
ui--by-domain = Nach Richtliniendomain
ui--by-policy-type = Nach Richtlinientyp
ui--by-result-type = Fehler nach Ergebnistyp
ui--by-mx = Fehler nach empfangendem MX
ui--by-ip = Fehler nach sendender IP
ui--failure-details = Fehlerdetails
ui--no-failures = Keine Fehler gemeldet.
ui--not-given = (nicht angegeben)
ui--more-rows = … und { $count } weitere ({ $failed } fehlgeschlagene Sitzungen)
ui--rows-shown = { $shown } von { $total } Zeilen angezeigt; der Export enthält alle.
ui--col-key = Name
ui--col-reports = Berichte
ui--col-successful = Erfolgreich
ui--col-failed = Fehlgeschlagen
ui--col-success-rate = Erfolgsquote
ui--col-day = Tag
ui--col-organization = Organisation
ui--col-domain = Richtliniendomain
ui--col-result-type = Ergebnistyp
ui--col-mx = Empfangender MX
ui--col-ip = Sendende IP
ui--col-receiving-ip = Empfangende IP
ui--col-reason = Ursachencode
ui--col-info = Weitere Informationen
ui--check-title = Eine Live-Domain prüfen
ui--check-lead = Fragt die MTA-STS- und TLS-Reporting-Einträge der Domain ab und ruft ihre Richtlinie so ab wie ein sendender Server (RFC 8461 §3.3); danach wird alles mit denselben Regeln wie in der Prüfung bewertet.
ui--check-domain = E-Mail-Domain
ui--check-run = Prüfen
ui--check-running = { $domain } wird geprüft…
ui--check-sts-id = `_mta-sts`-ID
ui--check-policy-hash = Hash des Richtlinieninhalts
ui--check-mx = MX-Hosts
ui--check-covered-by = abgedeckt durch `{ $pattern }`
ui--check-not-covered = nicht von der Richtlinie abgedeckt
ui--check-findings = Ergebnisse
ui--check-policy = Die abgerufene Richtlinie
ui--check-raw = DNS- und HTTP-Antworten
ui--check-open-generator = Generator mit dieser Domain, ihren MX-Hosts und Berichtsadressen öffnen
ui--check-error = Die Prüfung konnte nicht laufen: { $reason }
ui--check-rate-limited = Zu viele Prüfungen von Ihrer Adresse: Warten Sie eine Minute und versuchen Sie es erneut.
ui--check-bad-domain = Geben Sie eine E-Mail-Domain wie example.com ein – keine URL, keine IP-Adresse und keinen Port.
ui--check-privacy = Diese Prüfung läuft auf dem Server dieser Website: Sie fragt das öffentliche DNS und den Richtlinien-Host der Domain ab und speichert nur die gesehene ID und den Richtlinien-Hash (um eine ohne neue ID geänderte Richtlinie zu bemerken).
ui--check-none = (keine)
ui--stored-title = Gespeicherte Berichte
ui--stored-lead = Berichte, die Ihr Worker per HTTPS (/v1/tlsrpt) und per E-Mail (Email Routing) empfangen hat. Das Admin-Token bleibt im Sitzungsspeicher dieses Tabs.
ui--token = Admin-Token
ui--load = Laden
ui--forget-token = Token vergessen
ui--loading = Wird geladen…
ui--stored-listed = { $count } gespeicherte Berichte gelesen.
ui--language = Sprache
cli--see = siehe
cli--duplicate = Duplikat, nicht gezählt

## Prüfung einer Domain
check--no-sts-record = `_mta-sts.{ $domain }` hat keinen MTA-STS-Eintrag: Absender verwenden für diese Domain kein MTA-STS.
    .fix = Erstellen Sie die Einträge und die Richtlinie und veröffentlichen Sie sie in der Reihenfolge der Anleitung.
check--no-tlsrpt-record = `_smtp._tls.{ $domain }` hat keinen TLS-Berichtseintrag: Niemand meldet Ihnen, wenn TLS fehlschlägt.
    .fix = Veröffentlichen Sie zuerst `v=TLSRPTv1; rua=mailto:…` unter `_smtp._tls.{ $domain }`.
check--sts-at-apex = Ein `v=STSv1`-Eintrag ist direkt unter `{ $domain }` veröffentlicht; Absender fragen nur `_mta-sts.{ $domain }` ab.
    .fix = Verschieben Sie ihn nach `_mta-sts.{ $domain }`.
check--dns-error = Die DNS-Abfrage für `{ $name }` ist fehlgeschlagen: { $reason }.
check--no-mx = `{ $domain }` hat keine MX-Einträge; die Richtlinie hat nichts abzudecken.
check--policy-http-status = `{ $url }` antwortete mit HTTP { $status }; nur 200 gilt als Richtlinie.
    .fix = Stellen Sie die Richtliniendatei genau unter dieser URL mit Status 200 bereit.
check--policy-redirect = `{ $url }` leitet auf `{ $location }` weiter; Absender dürfen Weiterleitungen nicht folgen.
    .fix = Stellen Sie die Richtlinie direkt unter dieser URL bereit, ohne Weiterleitung.
check--policy-content-type = `{ $url }` wird als `{ $value }` ausgeliefert; Absender erwarten `text/plain`.
    .fix = Liefern Sie sie mit `Content-Type: text/plain; charset=utf-8` aus.
check--policy-timeout = `{ $url }` hat nicht innerhalb von { $seconds } Sekunden geantwortet.
check--policy-tls = Die HTTPS-Verbindung zu `{ $host }` ist fehlgeschlagen: { $reason }.
    .fix = Verwenden Sie ein für `{ $host }` gültiges Zertifikat einer öffentlichen CA und erneuern Sie es rechtzeitig.
check--policy-unreachable = `{ $host }` ist nicht erreichbar: { $reason }.
    .fix = Veröffentlichen Sie eine Adresse für `{ $host }` und stellen Sie die Richtlinie dort per HTTPS bereit.
check--id-not-changed = Die Richtlinie hat sich geändert (Inhalts-Hash { $hash }), aber die `_mta-sts`-ID ist noch `{ $id }`: Absender behalten die zwischengespeicherte Richtlinie.
    .fix = Veröffentlichen Sie eine neue ID, z. B. `id={ $hash }`.
check--mx-no-starttls = Der MX `{ $host }` bietet kein STARTTLS an.
check--mx-cert-mismatch = Das Zertifikat des MX `{ $host }` ist für diesen Namen nicht gültig.
check--mx-tls-error = TLS mit dem MX `{ $host }` ist fehlgeschlagen: { $reason }.
check--resolver-failed = Der Prüfer hat von seinem Resolver keine Antwort für `{ $name }` erhalten: { $reason }.
    .fix = Versuchen Sie es später erneut; hält es an, ist der Resolver des Prüfers (`DOH_URL` oder `--resolver`) ausgefallen.
check--smtp-not-tested = STARTTLS auf den MX-Hosts wurde von hier aus nicht geprüft (eine Web-Prüfung kann Port 25 nicht öffnen).
    .fix = Führen Sie `mtasts check { $domain }` (ohne `--no-smtp`) auf einem Host aus, der Port 25 erreicht, um STARTTLS und das Zertifikat jedes MX zu prüfen.
check--dnssec-validated = Der Resolver hat diese DNS-Antworten mit DNSSEC validiert.
check--dnssec-not-validated = Diese DNS-Antworten sind nicht mit DNSSEC validiert: Absender vertrauen der ersten abgerufenen Richtlinie, wie MTA-STS es vorsieht.
check--status = { $status ->
        [working] MTA-STS funktioniert: Erzwingung aktiv.
        [testing] MTA-STS funktioniert im Testmodus: Lesen Sie die Berichte und wechseln Sie dann zur Erzwingung.
        [removing] MTA-STS wird entfernt (mode none).
        [not-configured] MTA-STS ist für diese Domain nicht eingerichtet.
        [could-not-check] Die Prüfung konnte nicht abgeschlossen werden: Die Angaben unten sind unvollständig, daher gibt es kein Urteil über die Domain.
       *[broken] MTA-STS funktioniert nicht: Beheben Sie die Fehler unten.
    }
check--next = { $status ->
        [working] Nächster Schritt: Lesen Sie weiter die täglichen TLS-Berichte und veröffentlichen Sie bei jeder Änderung der Richtlinie eine neue `_mta-sts`-ID.
        [testing] Nächster Schritt: Lesen Sie etwa zwei Wochen lang die täglichen TLS-Berichte; zeigen sie keine Fehler, setzen Sie `mode: enforce` und veröffentlichen eine neue ID.
        [removing] Nächster Schritt: Warten Sie, bis das längste max_age abgelaufen ist, und löschen Sie dann den `_mta-sts`-Eintrag und die Richtlinie.
        [not-configured] Nächster Schritt: Veröffentlichen Sie zuerst den Reporting-Eintrag `_smtp._tls`, dann die Richtlinie im Testmodus und den `_mta-sts`-Eintrag – der Generator erstellt alle drei.
        [could-not-check] Nächster Schritt: Versuchen Sie es später erneut; das Problem liegt beim Prüfer (seinem Resolver), nicht unbedingt bei der Domain.
       *[broken] Nächster Schritt: Beheben Sie die Fehler unten von oben nach unten; bis dahin behandeln Absender die Domain, als hätte sie keine nutzbare Richtlinie.
    }

## Die HTTP-Antworten des Workers (Ablehnungen; dieselbe Form wie jede Diagnose)
auth--not-configured = Die Admin-API ist abgeschaltet: Diese Installation hat kein Admin-Token.
    .fix = Setzen Sie das Secret `ADMIN_TOKEN` (`wrangler secret put ADMIN_TOKEN`; lokal in `.dev.vars`).
auth--invalid-token = Das `Authorization: Bearer`-Token fehlt oder ist falsch: es ist das Secret `ADMIN_TOKEN` dieser Installation (lokal in `.dev.vars`).
    .fix = Verwende das Secret `ADMIN_TOKEN` dieser Installation (`wrangler secret put ADMIN_TOKEN`; lokal in `.dev.vars`), gesendet als `Authorization: Bearer <token>`.
api--not-found = Unter `{ $path }` gibt es nichts.
api--bad-domain = `{ $value }` ist kein Domainname ({ domain-reason }).
    .fix = Geben Sie einen Namen wie example.com an.
api--bad-date = `{ $param }` muss ein Datum JJJJ-MM-TT sein, nicht `{ $value }`.
api--bad-key = `{ $value }` ist nicht der Schlüssel eines gespeicherten Berichts.
    .fix = Verwenden Sie einen `key`, den `GET /api/reports` auflistet.
api--bad-cursor = `{ $value }` ist kein Cursor, den dieser Speicher ausgegeben hat.
    .fix = Übergeben Sie den `cursor` der vorigen Seite so, wie er zurückkam, oder lassen Sie ihn für die erste Seite weg.
api--unreadable-body = Der Anfragetext konnte nicht gelesen werden: { $reason }.
    .fix = Senden Sie ihn erneut.
api--invalid-policy = Die Richtlinie hat { $errors ->
        [one] einen Fehler
       *[other] { $errors } Fehler
    } und wurde nicht gespeichert.
    .fix = Beheben Sie die unter `details` aufgeführten Befunde und speichern Sie sie erneut.
api--cannot-generate = Die Einträge für `{ $domain }` konnten aus der gespeicherten Richtlinie nicht erzeugt werden.
    .fix = Speichern Sie zuerst eine gültige Richtlinie für die Domain.
ingest--unsupported-type = `{ $value }` ist nicht der Medientyp eines TLS-Berichts.
    .fix = Senden Sie mit `Content-Type: application/tlsrpt+gzip` oder `application/tlsrpt+json`.
ingest--empty-body = Die Anfrage hat keinen Inhalt.
    .fix = Senden Sie den Bericht selbst.
ingest--domain-not-served = Dieser Endpunkt nimmt nur Berichte für die Domains an, die er bedient; dieser Bericht betrifft { $domains }.
    .fix = Senden Sie den Bericht an die Adresse im `_smtp._tls`-Eintrag dieser Domain.
ingest--count-too-large = `{ $field }` ist { $value }: mehr als { $max }, die größte exakt gespeicherte Anzahl.
    .fix = Senden Sie die Sitzungszahlen so, wie sie gezählt wurden; ein Tag SMTP-Sitzungen liegt weit unter dieser Grenze.
http--not-found = Unter `{ $path }` gibt es nichts.
http--method-not-allowed = `{ $method }` ist hier nicht erlaubt.
    .fix = Verwenden Sie { $allow }.
server--unavailable = Der Speicher ist gerade nicht verfügbar; es wurde nichts gespeichert.
    .fix = Versuchen Sie es später erneut.
policy--unknown-host = `{ $host }` ist kein hier bedienter `mta-sts.<Domain>`-Host.
policy--unknown-domain = Für `{ $domain }` ist keine Richtlinie gespeichert.
    .fix = Speichern Sie eine mit `PUT /api/policies/{ $domain }`.
policy--invalid-stored = Die gespeicherte Richtlinie von `{ $domain }` enthält Fehler und wird daher nicht ausgeliefert.
    .fix = Speichern Sie eine gültige Richtlinie mit `PUT /api/policies/{ $domain }`.
check--missing-domain = Geben Sie die zu prüfende Mail-Domain an.
    .fix = z. B. `/api/check?domain=example.com`.
check--bad-domain = `{ $value }` ist kein Mail-Domainname ({ domain-reason }).
    .fix = Geben Sie einen Namen wie example.com an – keine URL, keine IP-Adresse und keinen Port.
check--rate-limited = Zu viele Prüfungen von Ihrer Adresse.
    .fix = Warten Sie { $seconds } Sekunden und versuchen Sie es dann erneut.
ui--rule-page = Was diese Regel bedeutet, warum sie zählt, Beispiele
records--rua-order = Die E-Mail-Adresse dieser Installation steht zuerst: Microsoft sendet Berichte nur an die erste `rua`-Adresse, und auch Google sendet sie per E-Mail; der HTTPS-Endpunkt folgt für Absender, die hochladen.
ui--arrivals = Wie sie ankamen
ui--col-report-id = Berichts-ID
ui--col-via = Angekommen per
ui--col-sender = Umschlag-Absender
cli--skipped = { $count ->
        [one] 1 Nachricht im Postfach ist kein TLS-Bericht und wurde übersprungen.
       *[other] { $count } Nachrichten im Postfach sind keine TLS-Berichte und wurden übersprungen.
    }
watch--failure-rate = { $rate } % der Sitzungen am { $day } sind fehlgeschlagen ({ $failed } von { $sessions }), über der Schwelle von { $threshold } %.
    .fix = Sieh dir Ergebnistypen und MX-Hosts in den Berichten des Tages an: meist ist ein Zertifikat oder STARTTLS auf einem MX die Ursache.
watch--new-result-type = Ein Fehlertyp, den es für diese Domain noch nie gab: `{ $result }` ({ $count } Sitzungen am { $day }).
    .fix = Lies die Fehlerdetails in den Berichten des Tages: ein neuer Ergebnistyp heißt, dass sich an einem MX oder im DNS etwas geändert hat.
watch--reports-stopped = Seit { $days } Tagen kein TLS-Bericht; der letzte war für { $last }.
    .fix = Prüfe, ob der `_smtp._tls`-Eintrag noch existiert und ob Postfach oder Endpunkt seiner `rua` noch Berichte annimmt.
watch--policy-invalid = Die Richtlinie, die Absender erhalten, hat { $errors } Fehler (der erste: `{ $first }`) und wird daher nicht ausgeliefert.
    .fix = Prüfe die Richtlinie (`mtasts lint`), korrigiere und speichere sie erneut; veröffentliche danach eine neue `id`.
watch--mx-not-covered = Mail geht an den MX `{ $host }` ({ $count } fehlgeschlagene Sitzungen), den keine `mx:`-Zeile der Richtlinie abdeckt.
    .fix = Füge `mx: { $host }` (oder einen passenden Platzhalter) zur Richtlinie hinzu und veröffentliche eine neue `id`.
watch--mx-gone = Die Zeile `mx: { $pattern }` der Richtlinie passt zu keinem MX der Domain ({ $mx }).
    .fix = Entferne die Zeile aus der Richtlinie, wenn der MX endgültig weg ist, und veröffentliche eine neue `id`.
watch--enforce-with-failures = Die Richtlinie steht auf `enforce` und seit { $since } sind { $count } Sitzungen fehlgeschlagen: diese Nachrichten haben Absender nicht zugestellt.
    .fix = Repariere die fehlschlagenden MX-Hosts sofort oder wechsle zurück zu `mode: testing` (mit neuer `id`), bis sie repariert sind.
watch--rua-elsewhere = Der `_smtp._tls`-Eintrag schickt Berichte an { $rua }, nicht an diese Installation ({ $ours }).
    .fix = Veröffentliche `rua=` mit einer Adresse dieser Installation (als erste: Microsoft schreibt nur an die erste).
api--bad-watch-settings = Die Überwachungseinstellung `{ $field }` kann nicht `{ $value }` sein: erwartet { $expected }.
ui--watch-link = Zusammenfassungen und Warnungen per E-Mail oder Webhook: die Überwachung →

## home
ui--home-title = MTA-STS und TLS-Berichte, von der Einrichtung bis zu den täglichen Berichten
ui--home-lead = MTA-STS (RFC 8461) lässt Server, die Ihnen E-Mails senden, auf einer verschlüsselten, authentifizierten Verbindung bestehen; TLS-Berichte (RFC 8460) melden Ihnen täglich, wann das nicht gelang. Beginnen Sie mit Ihrer Domain.
ui--home-domain = Ihre E-Mail-Domain
ui--home-check = Meine Domain prüfen
ui--home-check-text = Sehen Sie, was ein sendender Server sieht: die Einträge, die Richtlinie und ob Ihre MX-Hosts abgedeckt sind.
ui--home-generate = Einrichten
ui--home-generate-text = Die zu veröffentlichenden Einträge und die Richtliniendatei, in der Reihenfolge der Einführung, beginnend im Testmodus.
ui--home-reports = Meine Berichte lesen
ui--home-reports-text = Legen Sie die täglichen Berichte der Absender hier ab: Sie werden in diesem Browser gelesen und nie hochgeladen.
ui--home-validate-text = Sie haben schon eine Richtlinie oder einen Eintrag?
ui--home-validate = Hier validieren.
ui--skip = Zum Inhalt springen
ui--copy-what = Kopieren: { $what }
ui--copied-what = Kopiert: { $what }
ui--gen-domain-cleaned = Verwendet wird `{ $domain }`: die Domain, ohne Schema, Pfad oder Adresse drumherum.
ui--gen-stale = Ein Feld oben muss korrigiert werden (siehe den Hinweis darunter). Die Ausgabe unten gilt für die letzte gültige Eingabe.
ui--gen-fix-fields = Ein Feld oben muss korrigiert werden (siehe den Hinweis darunter); Einträge und Richtlinie erscheinen, sobald es lesbar ist.
ui--gen-certificate = Absender laden sie über HTTPS und prüfen das Zertifikat: Es muss für `{ $host }` gültig sein (RFC 8461 §3.3), nicht nur für die Domain.
ui--gen-host-here = Die Richtlinie von dieser Website hosten lassen
ui--gen-host-here-how = Der Worker dieser Website liefert `https://{ $host }/.well-known/mta-sts.txt` für jede Domain aus, die ihm übergeben wird. Bei Cloudflare: die Route `{ $host }/*` zum Worker hinzufügen, den unten stehenden DNS-Eintrag mit Proxy anlegen (das Edge-Zertifikat deckt dann `{ $host }` ab) und die Richtlinie mit `PUT /api/policies/{ $domain }` speichern (Admin-Token). Die Prüfseite zeigt sie dann live.
ui--gen-host-record = DNS-Eintrag für { $host }
ui--gen-testing-until = Wechsel zu enforce frühestens zwei Wochen ab heute: { $date }. Lesen Sie bis dahin die Berichte:
ui--read-title = Was ein Absender liest
ui--read-field = Feld
ui--read-value = Wert
ui--read-meaning = Was ein Absender damit macht
ui--read-v-sts = Ein MTA-STS-Eintrag, Version 1: Die Domain hat eine Richtlinie zum Abrufen (RFC 8461 §3.1).
ui--read-id = Die Version der Richtlinie: Ein Absender ruft sie erneut ab, wenn sie sich ändert – ändern Sie sie also bei jeder Richtlinienänderung (RFC 8461 §3.1).
ui--read-v-tlsrpt = Ein TLS-Reporting-Eintrag, Version 1: Absender schicken täglich einen Bericht über ihre TLS-Sitzungen (RFC 8460 §3).
ui--read-mailto = Berichtsadresse { $n }: Absender schicken die Berichte dorthin als `multipart/report`-E-Mail (RFC 8460 §3, §5.3).
ui--read-https = Berichtsadresse { $n }: Absender senden die Berichte dorthin per POST (RFC 8460 §3, §5.4).
ui--read-extension = Nicht im RFC definiert: Absender ignorieren es.
ui--read-mode-enforce = Absender stellen nur über TLS mit gültigem Zertifikat an einen unten aufgeführten MX-Host zu und halten die E-Mail sonst zurück (RFC 8461 §5).
ui--read-mode-testing = Absender stellen wie bisher zu, melden aber jede Sitzung, die gescheitert wäre (RFC 8461 §5).
ui--read-mode-none = Absender wenden MTA-STS auf die Domain nicht mehr an, sobald sie diese Richtlinie abgerufen haben (RFC 8461 §5).
ui--read-max-age = Absender speichern die Richtlinie { $days } Tage und wenden sie so lange an, ohne sie neu abzurufen (RFC 8461 §3.2).
ui--read-mx = Ein MX-Host, den Absender akzeptieren, mit seinem genauen Namen (RFC 8461 §4.1).
ui--read-mx-wildcard = Jeder MX-Host ein Label unter diesem Namen, z. B. `mx1` davor (RFC 8461 §4.1).
ui--mx-box = MX-Hosts
ui--filter = Filtern
ui--filter-of = Filtern: { $table }
ui--show-all = Alle { $n } zeigen
ui--show-top = Nur die ersten { $n } zeigen
ui--long-value = { $chars } Zeichen:
ui--stored-empty = Für diese Auswahl sind noch keine Berichte gespeichert.
ui--stored-empty-how = Berichte kommen an, sobald der `_smtp._tls`-Eintrag der Domain diese Website nennt: `GET /api/records` liefert den zu veröffentlichenden Eintrag (zuerst das Postfach, dann den HTTPS-Endpunkt); Absender schicken einen Bericht pro Tag. Ein größerer Zeitraum oder kein Domainfilter zeigt, was schon da ist. Eine Domain einrichten:
ui--col-report-id = Bericht-ID
ui--stored-list = Berichte, neueste zuerst
ui--page-newer = ← Neuere
ui--page-older = Ältere →
ui--page-number = Seite { $n }
ui--chart-break = { $days } Tage ohne Berichte ({ $from } bis { $to })
ui--chart-hint = Zeigen Sie auf einen Tag, tippen Sie ihn an oder erreichen Sie ihn mit Tab, um hier seine Werte zu lesen.
ui--by-result-and-mx = Fehler nach Ergebnistyp und MX
ui--by-day-and-result = Jeder Ergebnistyp pro Tag (nach einem Typ filtern für seinen Verlauf)
