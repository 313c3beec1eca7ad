# Catalogo dei messaggi di mtasts — italiano. Stessi ID e segnaposto di en.ftl.
# I token del protocollo (mx, max_age, v=STSv1, enforce, …) non si traducono.

## Termini condivisi nei messaggi
record-kind = { $kind ->
        [spf] un record SPF
        [dmarc] un record DMARC
        [dkim] una chiave DKIM
        [bimi] un record BIMI
        [tlsrpt] un record dei rapporti TLS (_smtp._tls)
        [sts] un record MTA-STS (_mta-sts)
        [site-verification] un record di verifica del dominio
        [policy-file] un file di criteri MTA-STS
       *[other] un altro tipo di record
    }
domain-reason = { $reason ->
        [empty] il nome è vuoto
        [too-long] { $detail } caratteri, al massimo 253
        [empty-label] un'etichetta vuota: due punti di seguito?
        [label-too-long] l'etichetta `{ $detail }` supera i 63 caratteri
        [bad-char] `{ $detail }` non è consentito in un nome host
        [hyphen-edge] l'etichetta `{ $detail }` inizia o finisce con `-`
        [not-a-domain] una sola etichetta non è un dominio
        [ip-address] un indirizzo IP, non un nome di dominio
       *[other] { $detail }
    }

input--empty = Non c'è nulla da controllare: l'input è vuoto.
    .fix = Incolla il valore del record TXT oppure l'output di `dig TXT _mta-sts.example.com`.
input--curly-quotes = `{ $quote }` è una virgoletta tipografica, probabilmente da un documento o una chat: il testo DNS si racchiude tra `"` dritte.
    .fix = Sostituite ogni virgoletta curva con `"` (o incollate il valore senza virgolette).
input--unclosed-quote = Questa stringa tra virgolette non è chiusa.
    .fix = Aggiungi la `"` di chiusura.

sts-record--version-not-first = Il record deve iniziare con `v=STSv1`, ma inizia con `{ $value }`.
    .fix = Sposta `v=STSv1;` all'inizio del record.
sts-record--bad-version = La versione è `{ $value }`; l'unica valida è `STSv1` (maiuscole e minuscole contano).
    .fix = Scrivi `v=STSv1`.
sts-record--missing-id = Il record non ha il campo `id`; i mittenti ne hanno bisogno per sapere quando il criterio è cambiato.
    .fix = Aggiungi `id={ $suggestion }` (da 1 a 32 lettere e cifre; cambialo a ogni modifica del criterio).
sts-record--id-empty = Il campo `id` è vuoto.
    .fix = Usa da 1 a 32 lettere e cifre, ad es. `id={ $suggestion }`.
sts-record--id-too-long = L'`id` ha { $len } caratteri; ne sono consentiti al massimo 32.
    .fix = Usa un id più corto, ad es. l'ora UTC `{ $suggestion }`.
sts-record--id-invalid-char = L'`id` contiene `{ $value }`; sono consentite solo lettere e cifre.
    .fix = Usa solo A–Z, a–z e 0–9, ad es. `id={ $suggestion }`.
sts-record--wrong-record-type = Questo sembra { record-kind }, non un record `_mta-sts`.
    .fix = Pubblica il record MTA-STS come record TXT a sé in `_mta-sts.<tuo dominio>`.
sts-record--multiple-records = { $count } record iniziano con `v=STSv1`; i mittenti si comportano allora come se MTA-STS non ci fosse.
    .fix = Mantieni esattamente un record `v=STSv1` con questo nome.
sts-record--discarded-record = I mittenti ignorano questo record perché non inizia con `v=STSv1`.
sts-record--wrong-name = Questo record è pubblicato in `{ $name }`; il record MTA-STS va in `_mta-sts.<dominio>`.
    .fix = Pubblicalo in `{ $expected }`.

tlsrpt-record--version-not-first = Il record deve iniziare con `v=TLSRPTv1`, ma inizia con `{ $value }`.
    .fix = Sposta `v=TLSRPTv1;` all'inizio del record.
tlsrpt-record--bad-version = La versione è `{ $value }`; l'unica valida è `TLSRPTv1` (non esiste una versione 2).
    .fix = Scrivi `v=TLSRPTv1`.
tlsrpt-record--missing-rua = Il record non ha il campo `rua`, quindi i mittenti non sanno dove inviare i rapporti.
    .fix = Aggiungi `rua=mailto:tls-reports@<tuo dominio>`.
tlsrpt-record--empty-uri = Un indirizzo vuoto in `rua` (una virgola di troppo?).
    .fix = Rimuovi la virgola in eccesso.
tlsrpt-record--bad-scheme = `{ $value }` non è un indirizzo `mailto:` o `https:`; i rapporti possono essere inviati solo a questi.
    .fix = Scrivi `mailto:{ $value }` per un indirizzo email oppure usa un URL `https:`.
tlsrpt-record--http-not-https = I rapporti devono essere inviati via HTTPS; `{ $value }` usa `http:` non cifrato.
    .fix = Usa `https:` per l'endpoint.
tlsrpt-record--bad-mailto = `{ $value }` non è un indirizzo email valido.
    .fix = Scrivi l'indirizzo come `mailto:parte-locale@dominio`.
tlsrpt-record--bad-https = `{ $value }` non è un URL HTTPS valido ({ $reason }).
    .fix = Scrivi un URL completo come `https://reports.example.com/v1/tlsrpt`.
tlsrpt-record--unencoded-char = `{ $char }` all'interno di un URI per i rapporti deve essere codificato con la percentuale.
    .fix = Scrivi `{ $encoded }` invece di `{ $char }`.
tlsrpt-record--wrong-record-type = Questo sembra { record-kind }, non un record `_smtp._tls`.
    .fix = Pubblica il record dei rapporti TLS come record TXT a sé in `_smtp._tls.<tuo dominio>`.
tlsrpt-record--multiple-records = { $count } record iniziano con `v=TLSRPTv1`; i mittenti allora non inviano alcun rapporto.
    .fix = Mantieni esattamente un record `v=TLSRPTv1`; metti più indirizzi in un solo `rua`, separati da virgole.
tlsrpt-record--discarded-record = I mittenti ignorano questo record perché non inizia con `v=TLSRPTv1`.
tlsrpt-record--old-name = `{ $name }` è il nome dell'epoca della bozza; i mittenti cercano `_smtp._tls`.
    .fix = Pubblica il record in `{ $expected }`.
tlsrpt-record--wrong-name = Questo record è pubblicato in `{ $name }`; il record dei rapporti TLS va in `_smtp._tls.<dominio>`.
    .fix = Pubblicalo in `{ $expected }`.

record--malformed-field = `{ $value }` non è un campo `nome=valore`.
    .fix = Separa i campi con `;` e scrivi ciascuno come `nome=valore`.
record--empty-field = Un campo vuoto (due `;` di seguito).
    .fix = Rimuovi il `;` in eccesso.
record--bad-whitespace = Gli spazi non sono consentiti { $where ->
        [around-equals] intorno a `=`
        [inside-uri] all'interno di un URI (separa gli URI con `,`)
       *[other] qui
    }.
    .fix = Rimuovi gli spazi; solo `; ` tra i campi può contenere spazi.
record--surrounding-whitespace = Il record ha spazi { $where ->
        [start] all'inizio
       *[end] alla fine
    }; i mittenti rigorosi lo rifiutano.
    .fix = Rimuovi gli spazi.
record--bad-extension-name = `{ $value }` non è un nome di campo valido (una lettera o una cifra, poi fino a 31 lettere, cifre, `_`, `-` o `.`).
record--bad-extension-value = Il valore di `{ $name }` non può essere vuoto né contenere spazi, `=`, `;` o caratteri di controllo.
record--unknown-field = `{ $name }` non è definito dallo standard; i mittenti lo ignorano.
record--duplicate-field = `{ $name }` compare più di una volta; i mittenti usano il primo.
    .fix = Rimuovi il `{ $name }` ripetuto.
record--long-string = Il record è lungo { $len } byte; una stringa TXT ne contiene al massimo 255, quindi dividilo in più stringhe tra virgolette.

policy--empty = Il file dei criteri è vuoto.
    .fix = Inizia con `version: STSv1`, poi `mode`, una riga `mx` per ogni host MX e `max_age`.
policy--too-large = Il criterio è di { $len } byte; i mittenti potrebbero smettere di leggere a 64 KB ({ $max } byte).
    .fix = Rimuovi il superfluo: un criterio richiede solo version, mode, mx e max_age.
policy--not-utf8 = Il file non è UTF-8 valido (byte { $offset }).
    .fix = Salva il file come UTF-8 (meglio ASCII semplice).
policy--bom = Il file inizia con un byte order mark, che diventa parte del primo nome di campo.
    .fix = Salva il file come UTF-8 senza BOM.
policy--control-char = Un carattere di controllo ({ $value }) non è consentito in un criterio.
    .fix = Rimuovilo.
policy--bare-cr = Un ritorno a capo non seguito da un avanzamento di riga.
    .fix = Termina le righe con LF o CRLF.
policy--mixed-line-endings = Il file mescola terminazioni di riga LF e CRLF.
    .fix = Usa un solo stile (la RFC descrive CRLF; LF è accettato).
policy--blank-line = Le righe vuote non fanno parte della grammatica del criterio; alcuni mittenti le rifiutano.
    .fix = Rimuovi la riga vuota.
policy--leading-whitespace = Spazi prima del nome del campo; la grammatica non lo consente.
    .fix = Inizia la riga con il nome del campo.
policy--malformed-line = `{ $value }` non è una riga `chiave: valore`.
    .fix = Scrivi ogni campo come `chiave: valore`, uno per riga.
policy--bad-field-name = `{ $value }` non è un nome di campo valido.
policy--bad-field-value = Il valore di `{ $name }` è vuoto o contiene caratteri che la grammatica non consente.
policy--field-case = `{ $value }` va scritto in minuscolo come `{ $expected }`; i nomi dei campi distinguono maiuscole e minuscole.
    .fix = Scrivi `{ $expected }`.
policy--unknown-field = `{ $name }` non è un campo di questa versione del criterio; i mittenti lo ignorano.
policy--duplicate-field = `{ $name }` compare più di una volta; i mittenti usano il primo valore e ignorano questo.
    .fix = Rimuovi questa riga.
policy--missing-version = Il criterio non ha la riga `version`.
    .fix = Aggiungi `version: STSv1` come prima riga.
policy--bad-version = La versione è `{ $value }`; l'unica valida è `STSv1`.
    .fix = Scrivi `version: STSv1`.
policy--version-not-first = `version` dovrebbe essere la prima riga del criterio.
    .fix = Sposta `version: STSv1` nella prima riga.
policy--missing-mode = Il criterio non ha la riga `mode`.
    .fix = Aggiungi `mode: testing` (e passa a `mode: enforce` quando i rapporti sono puliti).
policy--bad-mode = La modalità è `{ $value }`; deve essere `testing`, `enforce` o `none` (in minuscolo).
    .fix = Scrivi `mode: { $suggestion }`.
policy--mode-none = La modalità `none` indica ai mittenti di dimenticare il criterio di questo dominio: è il modo per rimuovere MTA-STS.
    .fix = Dopo che i mittenti hanno recuperato questo criterio (attendi max_age), puoi eliminare il record TXT e il criterio.
policy--missing-max-age = Il criterio non ha la riga `max_age`.
    .fix = Aggiungi `max_age: 604800` (una settimana) in modalità di prova, e settimane o più in applicazione forzata.
policy--bad-max-age = `max_age` deve essere un numero intero di secondi, non `{ $value }`.
    .fix = Scrivi ad es. `max_age: 604800` (una settimana).
policy--max-age-too-many-digits = `max_age` ha { $len } cifre; ne sono consentite al massimo 10.
    .fix = Usa al massimo 31557600 (un anno).
policy--max-age-too-large = `max_age` è { $value }, oltre il massimo di { $max } secondi (un anno).
    .fix = Usa al massimo 31557600.
policy--max-age-short = `max_age` è di { $value } secondi, meno di un giorno; i mittenti lo recupereranno di continuo e un recupero perso ti lascia senza protezione.
    .fix = Usa almeno 86400 (un giorno); settimane in applicazione forzata.
policy--testing-max-age = In modalità di prova la guida consiglia un `max_age` da una a due settimane (604800–1209600); questo è { $value }.
    .fix = Usa `max_age: 604800` durante la prova.
policy--missing-mx = Il criterio non ha righe `mx`; la modalità `{ $mode }` ne richiede almeno una.
    .fix = Aggiungi una riga `mx:` per ogni host MX del dominio.
policy--mx-empty = `mx:` non ha un nome host.
    .fix = Scrivi il nome host, ad es. `mx: mail.example.com`.
policy--mx-wildcard-not-leftmost = In `{ $value }`, `*` non è l'intera etichetta più a sinistra: è ammesso un solo `*.` iniziale, un `*` altrove no (RFC 8461 §4.1).
    .fix = Scrivete `{ $suggestion }` (corrisponde a un'etichetta davanti al nome), oppure elencate gli host uno per uno.
policy--mx-wildcard-too-broad = `{ $value }` corrisponderebbe a qualsiasi host sotto un dominio di primo livello.
    .fix = Elenca invece gli host MX del dominio.
policy--mx-u-label = `{ $value }` è scritto in Unicode; i criteri devono usare la forma A-label.
    .fix = Scrivi `{ $suggestion }`.
policy--mx-ip-literal = `{ $value }` è un indirizzo IP; i pattern MX sono nomi host.
    .fix = Usa il nome host MX come compare nel record MX.
policy--mx-trailing-dot = `{ $value }` termina con un punto; scrivi il nome senza.
    .fix = Scrivi `{ $suggestion }`.
policy--mx-invalid = `{ $value }` non è un nome host valido ({ domain-reason }).
policy--mx-duplicate = `{ $value }` è elencato più di una volta.
    .fix = Rimuovi la riga ripetuta.
policy--mx-single-label = `{ $value }` ha una sola etichetta; gli host MX pubblici ne hanno almeno due.

mx--not-covered-enforce = L'MX `{ $host }` non corrisponde ad alcun pattern `mx`: in applicazione forzata, i mittenti rifiuteranno di consegnargli la posta.
    .fix = Aggiungi `mx: { $host }` al criterio.
mx--not-covered = L'MX `{ $host }` non corrisponde ad alcun pattern `mx`: i rapporti mostreranno errori per questo host e l'applicazione forzata bloccherebbe la posta verso di esso.
    .fix = Aggiungi `mx: { $host }` al criterio.
mx--pattern-unused = Il pattern `{ $pattern }` non corrisponde a nessuno degli host MX indicati.
mx--invalid-host = `{ $host }` non è un nome host MX valido ({ domain-reason }).

generate--bad-domain = `{ $value }` non è un nome di dominio valido ({ domain-reason }).
generate--no-mx = Indica almeno un host MX (i nomi nei record MX del dominio).
generate--no-rua = Nessun indirizzo per i rapporti: aggiungine uno perché i mittenti possano dirti cosa non funziona.
    .fix = ad es. `mailto:tls-reports@{ $domain }`.
generate--bad-max-age = `max_age` deve essere compreso tra 0 e 31557600 secondi; { $value } non lo è.

report--bad-json = Questo non è JSON valido: { $reason }.
report--not-report = Questo JSON non è un rapporto TLS: { $reason }.
report--missing-field = Manca il campo `{ $field }`.
report--too-large = Il file è di { $len } byte, oltre il limite di { $max } byte.
report--inflated-too-large = I dati compressi si espandono oltre { $max } byte; rifiutato (una gzip bomb o non un singolo rapporto).
report--bad-gzip = I dati gzip sono danneggiati: { $reason }.
report--email-without-report = Questa email non ha un rapporto TLS allegato (nessuna parte application/tlsrpt+gzip o application/tlsrpt+json).
report--unknown-format = Questo file non è JSON, gzip né un'email.
report--bad-datetime = `{ $value }` in `{ $field }` non è una data e ora RFC 3339.
report--datetime-no-timezone = `{ $value }` in `{ $field }` non ha fuso orario; letto come UTC.
report--mx-host-string = `mx-host` è una stringa; la RFC corretta (errata 6241) lo definisce come array.
report--mx-host-prefixed = Il valore di `mx-host` `{ $value }` inizia con `mx:`; letto come `{ $suggestion }`.
report--bad-ip = `{ $value }` in `{ $field }` non è un indirizzo IP.
report--unknown-result-type = Il tipo di risultato `{ $value }` non è nel registro della RFC 8460.
report--unknown-policy-type = Il tipo di criterio `{ $value }` non è nel registro della RFC 8460.
report--policy-string-json = Una voce di `policy-string` contiene un array JSON in un'unica stringa; letta come { $count } voci.
report--contact-null = `contact-info` è null.
report--failure-count-mismatch = I dettagli degli errori sommano { $details } sessioni, il riepilogo ne indica { $total } (consentito: i dettagli possono essere parziali).
report--bad-count = `{ $field }` deve essere un intero non negativo, non `{ $value }`.
report--too-many-parts = L'e-mail contiene { $count } parti di report; da un messaggio se ne leggono al massimo { $max }.
    .fix = Invia i report in messaggi separati.
report--too-deeply-nested = L'e-mail contiene { $count } messaggi inoltrati (message/rfc822); da un messaggio se ne leggono al massimo { $max }.
    .fix = Invia il report stesso, o inoltralo una sola volta.
dkim--missing = L'e-mail di report da `{ $from }` non ha una firma DKIM; l'RFC 8460 richiede una firma valida del dominio che invia il report, quindi viene ignorata.
    .fix = Il mittente deve firmare con DKIM le sue e-mail di report per il proprio dominio. Per accettare comunque report non firmati (sconsigliato), imposta REQUIRE_DKIM a false.
dkim--invalid = La firma DKIM di `{ $domain }` non è valida ({ $reason }), quindi il report viene ignorato.
    .fix = Se qualcosa ha modificato il messaggio lungo il percorso (un inoltro, il piè di pagina di una lista), fai consegnare i report direttamente a questo indirizzo.
dkim--wrong-domain = L'e-mail di report è firmata da `{ $domain }`, non dal dominio che invia il report `{ $from }`, quindi viene ignorata.
    .fix = Il mittente deve firmare con il proprio dominio, quello in `From:`.
dkim--body-length = La firma DKIM di `{ $domain }` usa `l=`, vietato dall'RFC 8460: si potrebbe aggiungere testo al report senza invalidarla.
    .fix = Il mittente deve firmare tutto il corpo (senza il tag `l=`).

## Passaggi di attivazione (ordine della guida di Workspace; RFC 8461 §8)
step--reports = Crea una casella di posta o un endpoint HTTPS che riceverà i rapporti TLS giornalieri per { $domain }: { $rua }.
step--publish-tlsrpt = Pubblica per primo il record dei rapporti TLS: TXT in `{ $name }` con il valore `{ $record }`.
step--host-policy = Pubblica il file dei criteri in { $url } via HTTPS, con un certificato valido per { $host }. Pubblica sempre il criterio modificato prima di cambiare l'id.
step--publish-sts = Pubblica il record MTA-STS: TXT in `{ $name }` con il valore `{ $record }`. Cambia l'id a ogni modifica del criterio.
step--testing = Resta in modalità di prova per circa due settimane e leggi i rapporti giornalieri: ogni errore che mostrano sarebbe un messaggio rifiutato in applicazione forzata.
step--enforce = Quando i rapporti sono puliti, cambia il criterio in `mode: enforce` (si consiglia allora un `max_age` più lungo, di settimane o più) e pubblica un nuovo id.
step--monitor = Continua a leggere i rapporti: un errore in applicazione forzata è un messaggio non consegnato.
step--removal = Per disattivare MTA-STS, pubblica `mode: none` con un nuovo id, attendi che sia trascorso il vecchio `max_age`, poi rimuovi i record e il criterio.

## Applicazione web
ui--nav-label = Principale
ui--nav-validate = Verifica
ui--nav-generate = Genera
ui--nav-check = Verifica un dominio
ui--nav-reports = Rapporti
ui--nav-stored = Rapporti archiviati
ui--not-found = Questa pagina non esiste.
ui--privacy = Tutto ciò che incolli o trascini viene elaborato nel browser e non lascia mai questo computer.
ui--privacy-server = Questa pagina interroga il server di questo sito: ciò che inserisci qui gli viene inviato (il token di amministrazione solo a questo sito).
ui--footer-rfcs = MTA-STS (RFC 8461) · Rapporti TLS SMTP (RFC 8460)
ui--validate-title = Verifica un criterio o un record DNS
ui--validate-lead = Incolla un criterio mta-sts.txt, un record TXT _mta-sts o _smtp._tls (o l'output di dig) oppure un rapporto TLS. I controlli avvengono mentre scrivi.
ui--validate-input-label = Testo da verificare
ui--validate-placeholder = version: STSv1 …   oppure   v=STSv1; id=…   oppure   v=TLSRPTv1; rua=…
ui--kind = Input
ui--kind-auto = Rileva automaticamente
ui--kind-auto-detected = Rileva automaticamente ({ $kind })
ui--kind-policy = File dei criteri (mta-sts.txt)
ui--kind-sts-record = Record _mta-sts
ui--kind-tlsrpt-record = Record _smtp._tls
ui--kind-report = Rapporto TLS (JSON)
ui--examples = Esempi:
ui--mx-hosts = Host MX del dominio (facoltativo, uno per riga): mostra quale pattern copre ciascuno
ui--copy-permalink = Copia permalink
ui--report-line = Rapporto di { $org } ({ $id }): { $ok } sessioni riuscite, { $failed } non riuscite.
ui--coverage = Copertura MX
ui--col-pattern = Pattern corrispondente
ui--not-covered = non coperto
ui--source = Input con i problemi evidenziati
ui--line = riga
ui--fix = Soluzione:
ui--severity-error = errore
ui--severity-warning = avviso
ui--severity-info = nota
ui--valid = Valido
ui--valid-with-warnings = Valido, con avvisi
ui--invalid = Non valido
ui--counts = { $errors ->
        [one] 1 errore
       *[other] { $errors } errori
    } · { $warnings ->
        [one] 1 avviso
       *[other] { $warnings } avvisi
    } · { $infos ->
        [one] 1 nota
       *[other] { $infos } note
    }
ui--copy = Copia
ui--copied = Copiato
ui--generate-title = Configura MTA-STS e i rapporti TLS
ui--generate-lead = Segui i passaggi in ordine: prima i rapporti, poi il criterio in modalità di prova per circa due settimane, infine l'applicazione forzata.
ui--gen-domain = Dominio di posta
ui--gen-mx = Host MX (uno per riga; *.example.net copre un'etichetta)
ui--gen-mx-help = I nomi host nei record MX del tuo dominio.
ui--gen-rua = Dove inviare i rapporti TLS
ui--gen-rua-help = Indirizzi email o endpoint https://, separati da virgole.
ui--gen-mode = Modalità
ui--gen-max-age = max_age (secondi)
ui--gen-id = Id del criterio
ui--gen-new-id = Nuovo id (adesso)
ui--gen-linted = Il risultato qui sotto è verificato con le stesse regole del validatore.
ui--gen-step-tlsrpt = 1. Pubblica il record dei rapporti TLS
ui--gen-step-policy = 2. Pubblica il file dei criteri
ui--gen-policy-where = Pubblica questo file in { $url } via HTTPS.
ui--gen-step-sts = 3. Pubblica il record MTA-STS
ui--gen-step-zone = Righe del file di zona
ui--record-name = Nome (host)
ui--record-value = Valore (TXT)
ui--zone-lines = Entrambi i record come righe del file di zona
ui--download-policy = Scarica mta-sts.txt
ui--rollout = Attivazione
ui--reports-title = Leggi i rapporti TLS
ui--reports-lead = Trascina i rapporti giornalieri (.json, .json.gz o le email dei rapporti) per vedere cosa hanno rilevato i mittenti. I duplicati sono contati una volta.
ui--drop-here = Trascina qui i file dei rapporti o fai clic per sceglierli
ui--drop-kinds = .json · .json.gz · .gz · .eml — quanti ne vuoi
ui--progress = { $done } di { $total } file letti
ui--clear = Svuota
ui--refused-files = Impossibile leggere { $count } file
ui--filter-domain = Dominio del criterio
ui--all-domains = Tutti i domini
ui--filter-from = Dal
ui--filter-to = Al
ui--export-csv = Esporta CSV
ui--export-json = Esporta JSON
ui--card-reports = rapporti
ui--card-success-rate = tasso di successo
ui--card-successful = sessioni riuscite
ui--card-failed = sessioni non riuscite
ui--card-duplicates = duplicati ignorati
ui--period = Dal { $from } al { $to }
ui--per-day = Sessioni al giorno
ui--chart-label = Sessioni riuscite e non riuscite in { $days } giorni
ui--chart-tip = { $day }: { $ok } riuscite, { $failed } non riuscite
ui--legend-ok = riuscite
ui--legend-failed = non riuscite
ui--legend-rate = tasso di errore
ui--by-organization = Per organizzazione mittente
ui--by-domain = Per dominio del criterio
ui--by-policy-type = Per tipo di criterio
ui--by-result-type = Errori per tipo di risultato
ui--by-mx = Errori per MX ricevente
ui--by-ip = Errori per IP mittente
ui--failure-details = Dettagli degli errori
ui--no-failures = Nessun errore segnalato.
ui--not-given = (non indicato)
ui--more-rows = … e altri { $count } ({ $failed } sessioni non riuscite)
ui--rows-shown = Mostrate { $shown } righe su { $total }; l'esportazione le contiene tutte.
ui--col-key = Nome
ui--col-reports = Rapporti
ui--col-successful = Riuscite
ui--col-failed = Non riuscite
ui--col-success-rate = Tasso di successo
ui--col-day = Giorno
ui--col-organization = Organizzazione
ui--col-domain = Dominio del criterio
ui--col-result-type = Tipo di risultato
ui--col-mx = MX ricevente
ui--col-ip = IP mittente
ui--col-receiving-ip = IP ricevente
ui--col-reason = Codice del motivo
ui--col-info = Ulteriori informazioni
ui--check-title = Verifica un dominio attivo
ui--check-lead = Legge i record MTA-STS e di segnalazione TLS del dominio e scarica il file dei criteri come farebbe un server mittente (RFC 8461 §3.3), poi controlla tutto con le stesse regole della verifica.
ui--check-domain = Dominio di posta
ui--check-run = Verifica
ui--check-running = Verifica di { $domain } in corso…
ui--check-sts-id = ID `_mta-sts`
ui--check-policy-hash = Hash del contenuto dei criteri
ui--check-mx = Host MX
ui--check-covered-by = coperto da `{ $pattern }`
ui--check-not-covered = non coperto dai criteri
ui--check-findings = Risultati
ui--check-policy = Il file dei criteri scaricato
ui--check-raw = Risposte DNS e HTTP
ui--check-open-generator = Apri il generatore con questo dominio, i suoi host MX e gli indirizzi per i rapporti
ui--check-error = Impossibile eseguire la verifica: { $reason }
ui--check-rate-limited = Troppe verifiche dal tuo indirizzo: attendi un minuto e riprova.
ui--check-bad-domain = Inserisci un dominio di posta come example.com, non un URL, un indirizzo IP o una porta.
ui--check-privacy = Questa verifica viene eseguita sul server di questo sito: interroga il DNS pubblico e l'host dei criteri del dominio e conserva solo l'ID e l'hash dei criteri visti (per accorgersi di criteri modificati senza un nuovo ID).
ui--check-none = (nessuno)
ui--stored-title = Rapporti archiviati
ui--stored-lead = Rapporti ricevuti dal tuo worker via HTTPS (/v1/tlsrpt) e via e-mail (Email Routing). Il token di amministrazione resta nell'archivio di sessione di questa scheda.
ui--token = Token di amministrazione
ui--load = Carica
ui--forget-token = Dimentica il token
ui--loading = Caricamento…
ui--stored-listed = Letti { $count } rapporti archiviati.
ui--language = Lingua
cli--see = vedi
cli--duplicate = duplicato, non contato

## Verifica del dominio
check--no-sts-record = `_mta-sts.{ $domain }` non ha un record MTA-STS: i mittenti non usano MTA-STS per questo dominio.
    .fix = Genera i record e il criterio e pubblicali nell'ordine della guida.
check--no-tlsrpt-record = `_smtp._tls.{ $domain }` non ha un record dei rapporti TLS: nessuno ti avviserà quando TLS non funziona.
    .fix = Pubblica per primo `v=TLSRPTv1; rua=mailto:…` in `_smtp._tls.{ $domain }`.
check--sts-at-apex = Un record `v=STSv1` è pubblicato in `{ $domain }` stesso; i mittenti guardano solo `_mta-sts.{ $domain }`.
    .fix = Spostalo in `_mta-sts.{ $domain }`.
check--dns-error = La query DNS per `{ $name }` non è riuscita: { $reason }.
check--no-mx = `{ $domain }` non ha record MX, quindi il criterio non ha nulla da coprire.
check--policy-http-status = `{ $url }` ha risposto HTTP { $status }; solo 200 vale come criterio.
    .fix = Pubblica il file dei criteri esattamente a questo URL con stato 200.
check--policy-redirect = `{ $url }` reindirizza a `{ $location }`; i mittenti non devono seguire i reindirizzamenti.
    .fix = Pubblica il criterio direttamente a questo URL, senza reindirizzamento.
check--policy-content-type = `{ $url }` è servito come `{ $value }`; i mittenti si aspettano `text/plain`.
    .fix = Servilo con `Content-Type: text/plain; charset=utf-8`.
check--policy-timeout = `{ $url }` non ha risposto entro { $seconds } secondi.
check--policy-tls = La connessione HTTPS a `{ $host }` non è riuscita: { $reason }.
    .fix = Usa un certificato valido per `{ $host }` di una CA pubblica e rinnovalo in tempo.
check--policy-unreachable = `{ $host }` non è raggiungibile: { $reason }.
    .fix = Pubblica un indirizzo per `{ $host }` e servi lì il criterio via HTTPS.
check--id-not-changed = Il criterio è cambiato (hash del contenuto { $hash }) ma l'id di `_mta-sts` è ancora `{ $id }`: i mittenti mantengono il criterio in cache.
    .fix = Pubblica un nuovo id, ad es. `id={ $hash }`.
check--mx-no-starttls = L'MX `{ $host }` non offre STARTTLS.
check--mx-cert-mismatch = Il certificato dell'MX `{ $host }` non è valido per quel nome.
check--mx-tls-error = TLS con l'MX `{ $host }` non è riuscito: { $reason }.
check--resolver-failed = Chi controlla non ha ottenuto una risposta per `{ $name }` dal proprio resolver: { $reason }.
    .fix = Riprova più tardi; se persiste, il resolver di chi controlla (`DOH_URL` o `--resolver`) non funziona.
check--smtp-not-tested = STARTTLS sugli host MX non è stato verificato da qui (un controllo via web non può aprire la porta 25).
    .fix = Esegui `mtasts check { $domain }` (senza `--no-smtp`) da un host che raggiunge la porta 25 per verificare STARTTLS e il certificato di ogni MX.
check--dnssec-validated = Il resolver ha convalidato queste risposte DNS con DNSSEC.
check--dnssec-not-validated = Queste risposte DNS non sono convalidate con DNSSEC: i mittenti si fidano del primo criterio che scaricano, come previsto da MTA-STS.
check--status = { $status ->
        [working] MTA-STS funziona: applicazione forzata attiva.
        [testing] MTA-STS funziona in modalità di prova: leggi i rapporti, poi passa all'applicazione forzata.
        [removing] MTA-STS è in fase di rimozione (mode none).
        [not-configured] MTA-STS non è configurato per questo dominio.
        [could-not-check] Il controllo non è stato completato: i dati qui sotto sono incompleti, quindi non c'è un giudizio sul dominio.
       *[broken] MTA-STS non funziona: correggi gli errori qui sotto.
    }
check--next = { $status ->
        [working] Prossimo passo: continua a leggere i rapporti TLS giornalieri e pubblica un nuovo ID `_mta-sts` a ogni modifica dei criteri.
        [testing] Prossimo passo: leggi i rapporti TLS giornalieri per circa due settimane; se non mostrano errori, imposta `mode: enforce` e pubblica un nuovo ID.
        [removing] Prossimo passo: attendi che scada il max_age più lungo, poi elimina il record `_mta-sts` e il file dei criteri.
        [not-configured] Prossimo passo: pubblica prima il record di segnalazione `_smtp._tls`, poi i criteri in modalità testing e il record `_mta-sts`: il generatore li scrive tutti e tre.
        [could-not-check] Prossimo passo: riprova più tardi; il problema è dal lato di chi controlla (il suo resolver), non per forza del dominio.
       *[broken] Prossimo passo: correggi gli errori qui sotto partendo dall'alto; fino ad allora i mittenti trattano il dominio come se non avesse criteri utilizzabili.
    }

## Le risposte HTTP del worker (rifiuti; la stessa forma di ogni diagnostica)
auth--not-configured = L'API di amministrazione è disattivata: questa installazione non ha un token di amministrazione.
    .fix = Imposta il secret `ADMIN_TOKEN` (`wrangler secret put ADMIN_TOKEN`; in locale in `.dev.vars`).
auth--invalid-token = Il token `Authorization: Bearer` manca o è sbagliato: è il secret `ADMIN_TOKEN` di questa installazione (in locale in `.dev.vars`).
    .fix = Usa il secret `ADMIN_TOKEN` di questa installazione (`wrangler secret put ADMIN_TOKEN`; in locale in `.dev.vars`), inviato come `Authorization: Bearer <token>`.
api--not-found = Non c'è nulla in `{ $path }`.
api--bad-domain = `{ $value }` non è un nome di dominio ({ domain-reason }).
    .fix = Indica un nome come example.com.
api--bad-date = `{ $param }` deve essere una data AAAA-MM-GG, non `{ $value }`.
api--bad-key = `{ $value }` non è la chiave di un rapporto archiviato.
    .fix = Usa una `key` elencata da `GET /api/reports`.
api--bad-cursor = `{ $value }` non è un cursore dato da questo archivio.
    .fix = Passa il `cursor` della pagina precedente così come è stato restituito, oppure omettilo per la prima pagina.
api--unreadable-body = Impossibile leggere il corpo della richiesta: { $reason }.
    .fix = Invia di nuovo il corpo.
api--invalid-policy = I criteri hanno { $errors ->
        [one] un errore
       *[other] { $errors } errori
    } e non sono stati salvati.
    .fix = Correggi i problemi elencati in `details`, poi salvali di nuovo.
api--cannot-generate = Impossibile generare i record per `{ $domain }` dai criteri salvati.
    .fix = Salva prima dei criteri validi per il dominio.
ingest--unsupported-type = `{ $value }` non è il tipo di contenuto di un rapporto TLS.
    .fix = Invia con `Content-Type: application/tlsrpt+gzip` o `application/tlsrpt+json`.
ingest--empty-body = La richiesta non ha un corpo.
    .fix = Invia il rapporto stesso.
ingest--domain-not-served = Questo endpoint accetta rapporti solo per i domini che gestisce; questo rapporto riguarda { $domains }.
    .fix = Invia il rapporto all'indirizzo del record `_smtp._tls` di quel dominio.
ingest--count-too-large = `{ $field }` vale { $value }: oltre { $max }, il conteggio più grande archiviato in modo esatto.
    .fix = Invia i conteggi delle sessioni come sono stati contati; un giorno di sessioni SMTP è molto al di sotto di questo limite.
http--not-found = Non c'è nulla in `{ $path }`.
http--method-not-allowed = `{ $method }` non è consentito qui.
    .fix = Usa { $allow }.
server--unavailable = L'archivio non è disponibile al momento; non è stato salvato nulla.
    .fix = Riprova più tardi.
policy--unknown-host = `{ $host }` non è un host `mta-sts.<dominio>` gestito qui.
policy--unknown-domain = Non ci sono criteri salvati per `{ $domain }`.
    .fix = Salvali con `PUT /api/policies/{ $domain }`.
policy--invalid-stored = I criteri salvati di `{ $domain }` contengono errori, quindi non vengono pubblicati.
    .fix = Salva criteri validi con `PUT /api/policies/{ $domain }`.
check--missing-domain = Indica il dominio di posta da controllare.
    .fix = ad es. `/api/check?domain=example.com`.
check--bad-domain = `{ $value }` non è un nome di dominio di posta ({ domain-reason }).
    .fix = Indica un nome come example.com, non un URL, un indirizzo IP o una porta.
check--rate-limited = Troppi controlli dal tuo indirizzo.
    .fix = Attendi { $seconds } secondi, poi riprova.
ui--rule-page = Cosa significa questa regola, perché conta, esempi
records--rua-order = L'indirizzo e-mail di questo deployment viene prima: Microsoft invia i report solo al primo indirizzo di `rua` e anche Google li invia per e-mail; l'endpoint HTTPS segue, per i mittenti che caricano.
ui--arrivals = Come sono arrivati
ui--col-report-id = Id del report
ui--col-via = Arrivato via
ui--col-sender = Mittente della busta
cli--skipped = { $count ->
        [one] 1 messaggio della casella non è un report TLS ed è stato saltato.
       *[other] { $count } messaggi della casella non sono report TLS e sono stati saltati.
    }
watch--failure-rate = Il { $rate } % delle sessioni del { $day } è fallito ({ $failed } su { $sessions }), oltre la soglia del { $threshold } %.
    .fix = Guarda i tipi di risultato e gli MX nei report del giorno: di solito la causa è un certificato o STARTTLS su un MX.
watch--new-result-type = Un tipo di errore mai visto prima per questo dominio: `{ $result }` ({ $count } sessioni il { $day }).
    .fix = Leggi i dettagli degli errori nei report del giorno: un nuovo tipo di risultato vuol dire che qualcosa è cambiato su un MX o nel DNS.
watch--reports-stopped = Nessun report TLS da { $days } giorni; l'ultimo era del { $last }.
    .fix = Verifica che il record `_smtp._tls` esista ancora e che la casella o l'endpoint del suo `rua` accetti ancora i report.
watch--policy-invalid = La policy che ricevono i mittenti ha { $errors } errori (il primo: `{ $first }`), quindi non viene servita.
    .fix = Controlla la policy (`mtasts lint`), correggila e salvala di nuovo; poi pubblica un nuovo `id`.
watch--mx-not-covered = La posta va all'MX `{ $host }` ({ $count } sessioni fallite), che nessuna riga `mx:` della policy copre.
    .fix = Aggiungi `mx: { $host }` (o un carattere jolly che lo copra) alla policy e pubblica un nuovo `id`.
watch--mx-gone = La riga `mx: { $pattern }` della policy non corrisponde a nessun MX del dominio ({ $mx }).
    .fix = Togli la riga dalla policy se l'MX non c'è più, e pubblica un nuovo `id`.
watch--enforce-with-failures = La policy è in modalità `enforce` e { $count } sessioni sono fallite dal { $since }: i mittenti non hanno consegnato quei messaggi.
    .fix = Correggi subito gli MX che falliscono, oppure torna a `mode: testing` (con un nuovo `id`) finché non sono corretti.
watch--rua-elsewhere = Il record `_smtp._tls` manda i report a { $rua }, non a questa installazione ({ $ours }).
    .fix = Pubblica `rua=` con uno degli indirizzi di questa installazione (per primo: Microsoft scrive solo al primo).
api--bad-watch-settings = L'impostazione di monitoraggio `{ $field }` non può valere `{ $value }`: atteso { $expected }.
ui--watch-link = Riepiloghi e avvisi via e-mail o webhook: il monitoraggio →

## home
ui--home-title = MTA-STS e rapporti TLS, dalla configurazione ai rapporti giornalieri
ui--home-lead = MTA-STS (RFC 8461) fa sì che i server che vi inviano posta esigano una connessione cifrata e autenticata; i rapporti TLS (RFC 8460) vi dicono ogni giorno quando non ci sono riusciti. Iniziate dal vostro dominio.
ui--home-domain = Il vostro dominio di posta
ui--home-check = Controlla il mio dominio
ui--home-check-text = Vedete ciò che vede un server mittente: i record, il criterio e se i vostri host MX sono coperti.
ui--home-generate = Configura
ui--home-generate-text = I record e il file del criterio da pubblicare, nell'ordine richiesto dall'introduzione, a partire dalla modalità di test.
ui--home-reports = Leggi i miei rapporti
ui--home-reports-text = Trascinate qui i rapporti giornalieri che i mittenti vi inviano: vengono letti in questo browser e mai caricati.
ui--home-validate-text = Avete già un criterio o un record?
ui--home-validate = Convalidatelo qui.
ui--skip = Vai al contenuto
ui--copy-what = Copia: { $what }
ui--copied-what = Copiato: { $what }
ui--gen-domain-cleaned = Uso `{ $domain }`: il dominio, senza schema, percorso o indirizzo attorno.
ui--gen-stale = Un campo qui sopra va corretto (vedete l'indicazione sotto di esso). Il risultato qui sotto è quello dell'ultimo input valido.
ui--gen-fix-fields = Un campo qui sopra va corretto (vedete l'indicazione sotto di esso); record e criterio compaiono appena è leggibile.
ui--gen-certificate = I mittenti lo scaricano via HTTPS e controllano il certificato: deve essere valido per `{ $host }` (RFC 8461 §3.3), non solo per il dominio.
ui--gen-host-here = Fate ospitare il criterio a questo sito
ui--gen-host-here-how = Il worker di questo sito serve `https://{ $host }/.well-known/mta-sts.txt` per ogni dominio che gli viene affidato. Su Cloudflare: aggiungete la route `{ $host }/*` al worker, il record DNS con proxy qui sotto (il certificato edge copre allora `{ $host }`) e salvate il criterio con `PUT /api/policies/{ $domain }` (il token di amministrazione). La pagina di controllo lo mostra poi dal vivo.
ui--gen-host-record = Record DNS per { $host }
ui--gen-testing-until = Passaggio a enforce non prima di due settimane da oggi: { $date }. Fino ad allora leggete i rapporti:
ui--read-title = Ciò che legge un mittente
ui--read-field = Campo
ui--read-value = Valore
ui--read-meaning = Cosa ne fa un mittente
ui--read-v-sts = Un record MTA-STS, versione 1: il dominio ha un criterio da scaricare (RFC 8461 §3.1).
ui--read-id = La versione del criterio: un mittente lo riscarica quando cambia, quindi cambiatela a ogni modifica del criterio (RFC 8461 §3.1).
ui--read-v-tlsrpt = Un record dei rapporti TLS, versione 1: i mittenti inviano un rapporto giornaliero delle loro sessioni TLS (RFC 8460 §3).
ui--read-mailto = Indirizzo dei rapporti { $n }: i mittenti vi inviano i rapporti come e-mail `multipart/report` (RFC 8460 §3, §5.3).
ui--read-https = Indirizzo dei rapporti { $n }: i mittenti vi inviano i rapporti con una POST (RFC 8460 §3, §5.4).
ui--read-extension = Non definito dall'RFC: i mittenti lo ignorano.
ui--read-mode-enforce = I mittenti consegnano solo via TLS con un certificato valido a un host MX elencato qui sotto, altrimenti trattengono la posta (RFC 8461 §5).
ui--read-mode-testing = I mittenti consegnano come prima, ma segnalano ogni sessione che sarebbe fallita (RFC 8461 §5).
ui--read-mode-none = I mittenti smettono di applicare MTA-STS al dominio dopo aver scaricato questo criterio (RFC 8461 §5).
ui--read-max-age = I mittenti tengono il criterio in cache per { $days } giorni e continuano ad applicarlo senza riscaricarlo (RFC 8461 §3.2).
ui--read-mx = Un host MX accettato dai mittenti, con il suo nome esatto (RFC 8461 §4.1).
ui--read-mx-wildcard = Qualsiasi host MX un'etichetta sotto questo nome, ad es. `mx1` davanti (RFC 8461 §4.1).
ui--mx-box = Host MX
ui--filter = Filtra
ui--filter-of = Filtra: { $table }
ui--show-all = Mostra tutte le { $n }
ui--show-top = Mostra le prime { $n }
ui--long-value = { $chars } caratteri:
ui--stored-empty = Nessun rapporto salvato per questa scelta.
ui--stored-empty-how = I rapporti arrivano quando il record `_smtp._tls` del dominio indica questo sito: `GET /api/records` dà il record da pubblicare (prima la casella, poi l'endpoint HTTPS); i mittenti inviano un rapporto al giorno. Un intervallo di date più ampio o nessun filtro sul dominio mostra ciò che c'è già. Configurare un dominio:
ui--col-report-id = Id del rapporto
ui--stored-list = Rapporti, dal più recente
ui--page-newer = ← Più recenti
ui--page-older = Meno recenti →
ui--page-number = Pagina { $n }
ui--chart-break = { $days } giorni senza rapporti (dal { $from } al { $to })
ui--chart-hint = Puntate un giorno, toccatelo o raggiungetelo con Tab per leggerne qui i valori.
ui--by-result-and-mx = Errori per tipo di risultato e MX
ui--by-day-and-result = Ogni tipo di risultato per giorno (filtrate per tipo per vederne l'andamento)
