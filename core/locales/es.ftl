# Catálogo de mensajes de mtasts — español. Mismos ID y marcadores que en.ftl.
# Los tokens del protocolo (mx, max_age, v=STSv1, enforce, …) no se traducen.

## Términos compartidos dentro de los mensajes
record-kind = { $kind ->
        [spf] un registro SPF
        [dmarc] un registro DMARC
        [dkim] una clave DKIM
        [bimi] un registro BIMI
        [tlsrpt] un registro de informes de TLS (_smtp._tls)
        [sts] un registro MTA-STS (_mta-sts)
        [site-verification] un registro de verificación del dominio
        [policy-file] un archivo de política MTA-STS
       *[other] otro tipo de registro
    }
domain-reason = { $reason ->
        [empty] el nombre está vacío
        [too-long] { $detail } caracteres, como máximo 253
        [empty-label] una etiqueta vacía: ¿dos puntos seguidos?
        [label-too-long] la etiqueta `{ $detail }` tiene más de 63 caracteres
        [bad-char] `{ $detail }` no está permitido en un nombre de host
        [hyphen-edge] la etiqueta `{ $detail }` empieza o termina con `-`
        [not-a-domain] una sola etiqueta no es un dominio
        [ip-address] una dirección IP, no un nombre de dominio
       *[other] { $detail }
    }

input--empty = No hay nada que comprobar: la entrada está vacía.
    .fix = Pega el valor del registro TXT o la salida de `dig TXT _mta-sts.example.com`.
input--curly-quotes = `{ $quote }` es una comilla tipográfica, probablemente de un documento o un chat: el texto DNS se entrecomilla con la `"` recta.
    .fix = Sustituya cada comilla curva por `"` (o pegue el valor sin comillas).
input--unclosed-quote = Esta cadena entre comillas no está cerrada.
    .fix = Añade la `"` de cierre.

sts-record--version-not-first = El registro debe empezar por `v=STSv1`, pero empieza por `{ $value }`.
    .fix = Coloca `v=STSv1;` al principio del registro.
sts-record--bad-version = La versión es `{ $value }`; la única válida es `STSv1` (distingue mayúsculas y minúsculas).
    .fix = Escribe `v=STSv1`.
sts-record--missing-id = El registro no tiene campo `id`; los remitentes lo necesitan para saber cuándo cambió la política.
    .fix = Añade `id={ $suggestion }` (de 1 a 32 letras y dígitos; cámbialo cada vez que cambie la política).
sts-record--id-empty = El campo `id` está vacío.
    .fix = Usa de 1 a 32 letras y dígitos, p. ej. `id={ $suggestion }`.
sts-record--id-too-long = El `id` tiene { $len } caracteres; se permiten 32 como máximo.
    .fix = Usa un id más corto, p. ej. la hora UTC `{ $suggestion }`.
sts-record--id-invalid-char = El `id` contiene `{ $value }`; solo se permiten letras y dígitos.
    .fix = Usa solo A–Z, a–z y 0–9, p. ej. `id={ $suggestion }`.
sts-record--wrong-record-type = Esto parece { record-kind }, no un registro `_mta-sts`.
    .fix = Publica el registro MTA-STS como un registro TXT propio en `_mta-sts.<tu dominio>`.
sts-record--multiple-records = { $count } registros empiezan por `v=STSv1`; los remitentes actúan entonces como si no hubiera MTA-STS.
    .fix = Deja exactamente un registro `v=STSv1` con este nombre.
sts-record--discarded-record = Los remitentes ignoran este registro porque no empieza por `v=STSv1`.
sts-record--wrong-name = Este registro está publicado en `{ $name }`; el registro MTA-STS va en `_mta-sts.<dominio>`.
    .fix = Publícalo en `{ $expected }`.

tlsrpt-record--version-not-first = El registro debe empezar por `v=TLSRPTv1`, pero empieza por `{ $value }`.
    .fix = Coloca `v=TLSRPTv1;` al principio del registro.
tlsrpt-record--bad-version = La versión es `{ $value }`; la única válida es `TLSRPTv1` (no existe una versión 2).
    .fix = Escribe `v=TLSRPTv1`.
tlsrpt-record--missing-rua = El registro no tiene campo `rua`, así que los remitentes no saben adónde enviar los informes.
    .fix = Añade `rua=mailto:tls-reports@<tu dominio>`.
tlsrpt-record--empty-uri = Una dirección vacía en `rua` (¿una coma de más?).
    .fix = Quita la coma sobrante.
tlsrpt-record--bad-scheme = `{ $value }` no es una dirección `mailto:` ni `https:`; los informes solo pueden enviarse a ellas.
    .fix = Escribe `mailto:{ $value }` para una dirección de correo o usa una URL `https:`.
tlsrpt-record--http-not-https = Los informes deben enviarse por HTTPS; `{ $value }` usa `http:` sin cifrar.
    .fix = Usa `https:` para el endpoint.
tlsrpt-record--bad-mailto = `{ $value }` no es una dirección de correo válida.
    .fix = Escribe la dirección como `mailto:parte-local@dominio`.
tlsrpt-record--bad-https = `{ $value }` no es una URL HTTPS válida ({ $reason }).
    .fix = Escribe una URL completa como `https://reports.example.com/v1/tlsrpt`.
tlsrpt-record--unencoded-char = `{ $char }` dentro de un URI de informes debe codificarse con porcentaje.
    .fix = Escribe `{ $encoded }` en lugar de `{ $char }`.
tlsrpt-record--wrong-record-type = Esto parece { record-kind }, no un registro `_smtp._tls`.
    .fix = Publica el registro de informes de TLS como un registro TXT propio en `_smtp._tls.<tu dominio>`.
tlsrpt-record--multiple-records = { $count } registros empiezan por `v=TLSRPTv1`; los remitentes no envían entonces ningún informe.
    .fix = Deja exactamente un registro `v=TLSRPTv1`; pon varias direcciones en un solo `rua`, separadas por comas.
tlsrpt-record--discarded-record = Los remitentes ignoran este registro porque no empieza por `v=TLSRPTv1`.
tlsrpt-record--old-name = `{ $name }` es el nombre de la época del borrador; los remitentes consultan `_smtp._tls`.
    .fix = Publica el registro en `{ $expected }`.
tlsrpt-record--wrong-name = Este registro está publicado en `{ $name }`; el registro de informes de TLS va en `_smtp._tls.<dominio>`.
    .fix = Publícalo en `{ $expected }`.

record--malformed-field = `{ $value }` no es un campo `nombre=valor`.
    .fix = Separa los campos con `;` y escribe cada uno como `nombre=valor`.
record--empty-field = Un campo vacío (dos `;` seguidos).
    .fix = Quita el `;` sobrante.
record--bad-whitespace = No se permiten espacios { $where ->
        [around-equals] alrededor de `=`
        [inside-uri] dentro de un URI (separa los URI con `,`)
       *[other] aquí
    }.
    .fix = Quita los espacios; solo `; ` entre campos puede llevar espacios.
record--surrounding-whitespace = El registro tiene espacios al { $where ->
        [start] principio
       *[end] final
    }; los remitentes estrictos lo rechazan.
    .fix = Quita los espacios.
record--bad-extension-name = `{ $value }` no es un nombre de campo válido (una letra o dígito y hasta 31 letras, dígitos, `_`, `-` o `.`).
record--bad-extension-value = El valor de `{ $name }` no puede estar vacío ni contener espacios, `=`, `;` o caracteres de control.
record--unknown-field = `{ $name }` no está definido en el estándar; los remitentes lo ignoran.
record--duplicate-field = `{ $name }` aparece más de una vez; los remitentes usan el primero.
    .fix = Quita el `{ $name }` repetido.
record--long-string = El registro tiene { $len } bytes; una cadena TXT admite como máximo 255, así que divídelo en varias cadenas entre comillas.

policy--empty = El archivo de política está vacío.
    .fix = Empieza con `version: STSv1`, luego `mode`, una línea `mx` por cada host MX y `max_age`.
policy--too-large = La política ocupa { $len } bytes; los remitentes pueden dejar de leer a los 64 KB ({ $max } bytes).
    .fix = Quita lo innecesario: una política solo necesita version, mode, mx y max_age.
policy--not-utf8 = El archivo no es UTF-8 válido (byte { $offset }).
    .fix = Guarda el archivo como UTF-8 (mejor ASCII simple).
policy--bom = El archivo empieza con una marca de orden de bytes, que pasa a formar parte del primer nombre de campo.
    .fix = Guarda el archivo como UTF-8 sin BOM.
policy--control-char = No se permite un carácter de control ({ $value }) en una política.
    .fix = Quítalo.
policy--bare-cr = Un retorno de carro no seguido de un salto de línea.
    .fix = Termina las líneas con LF o CRLF.
policy--mixed-line-endings = El archivo mezcla finales de línea LF y CRLF.
    .fix = Usa un solo estilo (el RFC describe CRLF; LF se acepta).
policy--blank-line = Las líneas vacías no forman parte de la gramática de la política; algunos remitentes las rechazan.
    .fix = Quita la línea vacía.
policy--leading-whitespace = Espacios antes del nombre del campo; la gramática no lo permite.
    .fix = Empieza la línea con el nombre del campo.
policy--malformed-line = `{ $value }` no es una línea `clave: valor`.
    .fix = Escribe cada campo como `clave: valor`, uno por línea.
policy--bad-field-name = `{ $value }` no es un nombre de campo válido.
policy--bad-field-value = El valor de `{ $name }` está vacío o tiene caracteres que la gramática no permite.
policy--field-case = `{ $value }` debe escribirse en minúsculas como `{ $expected }`; los nombres de campo distinguen mayúsculas.
    .fix = Escribe `{ $expected }`.
policy--unknown-field = `{ $name }` no es un campo de esta versión de la política; los remitentes lo ignoran.
policy--duplicate-field = `{ $name }` aparece más de una vez; los remitentes usan el primer valor e ignoran este.
    .fix = Quita esta línea.
policy--missing-version = La política no tiene línea `version`.
    .fix = Añade `version: STSv1` como primera línea.
policy--bad-version = La versión es `{ $value }`; la única válida es `STSv1`.
    .fix = Escribe `version: STSv1`.
policy--version-not-first = `version` debería ser la primera línea de la política.
    .fix = Mueve `version: STSv1` a la primera línea.
policy--missing-mode = La política no tiene línea `mode`.
    .fix = Añade `mode: testing` (y cambia a `mode: enforce` cuando los informes estén limpios).
policy--bad-mode = El modo es `{ $value }`; debe ser `testing`, `enforce` o `none` (en minúsculas).
    .fix = Escribe `mode: { $suggestion }`.
policy--mode-none = El modo `none` indica a los remitentes que olviden la política de este dominio: es la forma de quitar MTA-STS.
    .fix = Cuando los remitentes hayan obtenido esta política (espera max_age), puedes borrar el registro TXT y la política.
policy--missing-max-age = La política no tiene línea `max_age`.
    .fix = Añade `max_age: 604800` (una semana) en modo de prueba, y semanas o más en modo de aplicación.
policy--bad-max-age = `max_age` debe ser un número entero de segundos, no `{ $value }`.
    .fix = Escribe p. ej. `max_age: 604800` (una semana).
policy--max-age-too-many-digits = `max_age` tiene { $len } dígitos; se permiten 10 como máximo.
    .fix = Usa como máximo 31557600 (un año).
policy--max-age-too-large = `max_age` es { $value }, por encima del máximo de { $max } segundos (un año).
    .fix = Usa como máximo 31557600.
policy--max-age-short = `max_age` es de { $value } segundos, menos de un día; los remitentes volverán a consultar constantemente y una consulta perdida te deja sin protección.
    .fix = Usa al menos 86400 (un día); semanas en modo de aplicación.
policy--testing-max-age = En modo de prueba la guía recomienda un `max_age` de una a dos semanas (604800–1209600); este es { $value }.
    .fix = Usa `max_age: 604800` durante la prueba.
policy--missing-mx = La política no tiene línea `mx`; el modo `{ $mode }` necesita al menos una.
    .fix = Añade una línea `mx:` por cada host MX del dominio.
policy--mx-empty = `mx:` no tiene nombre de host.
    .fix = Escribe el nombre de host, p. ej. `mx: mail.example.com`.
policy--mx-wildcard-not-leftmost = En `{ $value }`, `*` no es la etiqueta completa de más a la izquierda: se admite un solo `*.` inicial, un `*` en cualquier otro sitio no (RFC 8461 §4.1).
    .fix = Escriba `{ $suggestion }` (coincide con una etiqueta delante del nombre), o enumere los hosts uno a uno.
policy--mx-wildcard-too-broad = `{ $value }` coincidiría con cualquier host bajo un dominio de nivel superior.
    .fix = Enumera en su lugar los hosts MX del dominio.
policy--mx-u-label = `{ $value }` está escrito en Unicode; las políticas deben usar la forma A-label.
    .fix = Escribe `{ $suggestion }`.
policy--mx-ip-literal = `{ $value }` es una dirección IP; los patrones MX son nombres de host.
    .fix = Usa el nombre del host MX tal como aparece en el registro MX.
policy--mx-trailing-dot = `{ $value }` termina con un punto; escribe el nombre sin él.
    .fix = Escribe `{ $suggestion }`.
policy--mx-invalid = `{ $value }` no es un nombre de host válido ({ domain-reason }).
policy--mx-duplicate = `{ $value }` aparece más de una vez.
    .fix = Quita la línea repetida.
policy--mx-single-label = `{ $value }` tiene una sola etiqueta; los hosts MX públicos tienen al menos dos.

mx--not-covered-enforce = Ningún patrón `mx` coincide con el MX `{ $host }`: en modo de aplicación, los remitentes se negarán a entregarle correo.
    .fix = Añade `mx: { $host }` a la política.
mx--not-covered = Ningún patrón `mx` coincide con el MX `{ $host }`: los informes mostrarán fallos para él, y el modo de aplicación detendría el correo hacia él.
    .fix = Añade `mx: { $host }` a la política.
mx--pattern-unused = El patrón `{ $pattern }` no coincide con ninguno de los hosts MX indicados.
mx--invalid-host = `{ $host }` no es un nombre de host MX válido ({ domain-reason }).

generate--bad-domain = `{ $value }` no es un nombre de dominio válido ({ domain-reason }).
generate--no-mx = Indica al menos un host MX (los nombres de los registros MX del dominio).
generate--no-rua = Sin dirección para los informes: añade una para que los remitentes puedan indicarte qué falla.
    .fix = p. ej. `mailto:tls-reports@{ $domain }`.
generate--bad-max-age = `max_age` debe estar entre 0 y 31557600 segundos; { $value } no lo está.

report--bad-json = Esto no es JSON válido: { $reason }.
report--not-report = Este JSON no es un informe de TLS: { $reason }.
report--missing-field = Falta el campo `{ $field }`.
report--too-large = El archivo ocupa { $len } bytes, por encima del límite de { $max } bytes.
report--inflated-too-large = Los datos comprimidos se descomprimen a más de { $max } bytes; rechazado (una bomba gzip o no es un solo informe).
report--bad-gzip = Los datos gzip están dañados: { $reason }.
report--email-without-report = Este correo no lleva ningún informe de TLS adjunto (ninguna parte application/tlsrpt+gzip o application/tlsrpt+json).
report--unknown-format = Este archivo no es JSON, gzip ni un correo electrónico.
report--bad-datetime = `{ $value }` en `{ $field }` no es una fecha y hora RFC 3339.
report--datetime-no-timezone = `{ $value }` en `{ $field }` no tiene zona horaria; se lee como UTC.
report--mx-host-string = `mx-host` es una cadena; el RFC corregido (errata 6241) lo define como un array.
report--mx-host-prefixed = El valor de `mx-host` `{ $value }` empieza por `mx:`; se lee como `{ $suggestion }`.
report--bad-ip = `{ $value }` en `{ $field }` no es una dirección IP.
report--unknown-result-type = El tipo de resultado `{ $value }` no está en el registro de RFC 8460.
report--unknown-policy-type = El tipo de política `{ $value }` no está en el registro de RFC 8460.
report--policy-string-json = Una entrada de `policy-string` contiene un array JSON como una sola cadena; se lee como { $count } entradas.
report--contact-null = `contact-info` es null.
report--failure-count-mismatch = Los detalles de fallos suman { $details } sesiones y el resumen indica { $total } (permitido: los detalles pueden ser parciales).
report--bad-count = `{ $field }` debe ser un entero no negativo, no `{ $value }`.
report--too-many-parts = El correo contiene { $count } partes de informe; de un mensaje se leen como mucho { $max }.
    .fix = Envía los informes en mensajes separados.
report--too-deeply-nested = El correo contiene { $count } mensajes reenviados (message/rfc822); de un mensaje se leen como mucho { $max }.
    .fix = Envía el propio informe, o reenvíalo una sola vez.
dkim--missing = El correo de informe de `{ $from }` no tiene firma DKIM; el RFC 8460 exige una firma válida del dominio que informa, así que se ignora.
    .fix = El remitente debe firmar con DKIM sus correos de informe para su propio dominio. Para aceptar aun así informes sin firmar (no recomendado), pon REQUIRE_DKIM a false.
dkim--invalid = La firma DKIM de `{ $domain }` no es válida ({ $reason }), así que el informe se ignora.
    .fix = Si algo cambió el mensaje por el camino (un reenvío, el pie de una lista), haz que los informes lleguen directamente a esta dirección.
dkim--wrong-domain = El correo de informe está firmado por `{ $domain }`, no por el dominio que informa `{ $from }`, así que se ignora.
    .fix = El remitente debe firmar con su propio dominio, el de `From:`.
dkim--body-length = La firma DKIM de `{ $domain }` usa `l=`, que el RFC 8460 prohíbe: se podría añadir texto al informe sin romperla.
    .fix = El remitente debe firmar todo el cuerpo (sin la etiqueta `l=`).

## Pasos de implantación (orden de la guía de Workspace; RFC 8461 §8)
step--reports = Crea un buzón de correo o un endpoint HTTPS que reciba los informes de TLS diarios de { $domain }: { $rua }.
step--publish-tlsrpt = Publica primero el registro de informes de TLS: TXT en `{ $name }` con el valor `{ $record }`.
step--host-policy = Sirve el archivo de política en { $url } por HTTPS, con un certificado válido para { $host }. Publica siempre la política modificada antes de cambiar el id.
step--publish-sts = Publica el registro MTA-STS: TXT en `{ $name }` con el valor `{ $record }`. Cambia el id cada vez que cambie la política.
step--testing = Mantén el modo de prueba unas dos semanas y lee los informes diarios: cada fallo que muestren sería un mensaje rechazado en modo de aplicación.
step--enforce = Cuando los informes estén limpios, cambia la política a `mode: enforce` (se recomienda entonces un `max_age` más largo, de semanas o más) y publica un id nuevo.
step--monitor = Sigue leyendo los informes: un fallo en modo de aplicación es un mensaje que no se entregó.
step--removal = Para desactivar MTA-STS, publica `mode: none` con un id nuevo, espera a que pase el `max_age` anterior y después quita los registros y la política.

## Aplicación web
ui--nav-label = Principal
ui--nav-validate = Comprobar
ui--nav-generate = Generar
ui--nav-check = Comprobar un dominio
ui--nav-reports = Informes
ui--nav-stored = Informes guardados
ui--not-found = Esta página no existe.
ui--privacy = Todo lo que pegas o sueltas se procesa en tu navegador y nunca sale de este equipo.
ui--privacy-server = Esta página consulta al servidor de este sitio: lo que escribes aquí se le envía (el token de administración solo a este sitio).
ui--footer-rfcs = MTA-STS (RFC 8461) · Informes de TLS de SMTP (RFC 8460)
ui--validate-title = Comprobar una política o un registro DNS
ui--validate-lead = Pega una política mta-sts.txt, un registro TXT _mta-sts o _smtp._tls (o la salida de dig) o un informe de TLS. Las comprobaciones se hacen mientras escribes.
ui--validate-input-label = Texto que comprobar
ui--validate-placeholder = version: STSv1 …   o   v=STSv1; id=…   o   v=TLSRPTv1; rua=…
ui--kind = Entrada
ui--kind-auto = Detectar automáticamente
ui--kind-auto-detected = Detectar automáticamente ({ $kind })
ui--kind-policy = Archivo de política (mta-sts.txt)
ui--kind-sts-record = Registro _mta-sts
ui--kind-tlsrpt-record = Registro _smtp._tls
ui--kind-report = Informe de TLS (JSON)
ui--examples = Ejemplos:
ui--mx-hosts = Hosts MX del dominio (opcional, uno por línea): muestra qué patrón cubre cada uno
ui--copy-permalink = Copiar enlace permanente
ui--report-line = Informe de { $org } ({ $id }): { $ok } sesiones correctas, { $failed } fallidas.
ui--coverage = Cobertura de MX
ui--col-pattern = Patrón que coincide
ui--not-covered = sin cubrir
ui--source = Entrada con los hallazgos marcados
ui--line = línea
ui--fix = Solución:
ui--severity-error = error
ui--severity-warning = aviso
ui--severity-info = nota
ui--valid = Válido
ui--valid-with-warnings = Válido, con avisos
ui--invalid = No válido
ui--counts = { $errors ->
        [one] 1 error
       *[other] { $errors } errores
    } · { $warnings ->
        [one] 1 aviso
       *[other] { $warnings } avisos
    } · { $infos ->
        [one] 1 nota
       *[other] { $infos } notas
    }
ui--copy = Copiar
ui--copied = Copiado
ui--generate-title = Configurar MTA-STS y los informes de TLS
ui--generate-lead = Sigue los pasos en orden: primero los informes, después la política en modo de prueba unas dos semanas y, por último, el modo de aplicación.
ui--gen-domain = Dominio de correo
ui--gen-mx = Hosts MX (uno por línea; *.example.net cubre una etiqueta)
ui--gen-mx-help = Los nombres de host de los registros MX de tu dominio.
ui--gen-rua = Adónde enviar los informes de TLS
ui--gen-rua-help = Direcciones de correo o endpoints https://, separados por comas.
ui--gen-mode = Modo
ui--gen-max-age = max_age (segundos)
ui--gen-id = Id de la política
ui--gen-new-id = Nuevo id (ahora)
ui--gen-linted = El resultado se comprueba con las mismas reglas que el validador.
ui--gen-step-tlsrpt = 1. Publica el registro de informes de TLS
ui--gen-step-policy = 2. Publica el archivo de política
ui--gen-policy-where = Sirve este archivo en { $url } por HTTPS.
ui--gen-step-sts = 3. Publica el registro MTA-STS
ui--gen-step-zone = Líneas del archivo de zona
ui--record-name = Nombre (host)
ui--record-value = Valor (TXT)
ui--zone-lines = Ambos registros como líneas de archivo de zona
ui--download-policy = Descargar mta-sts.txt
ui--rollout = Implantación
ui--reports-title = Leer los informes de TLS
ui--reports-lead = Suelta los informes diarios (.json, .json.gz o los correos de informe) para ver lo que vieron los remitentes. Los duplicados se cuentan una vez.
ui--drop-here = Suelta aquí los archivos de informe o haz clic para elegirlos
ui--drop-kinds = .json · .json.gz · .gz · .eml — tantos como quieras
ui--progress = { $done } de { $total } archivos leídos
ui--clear = Vaciar
ui--refused-files = No se pudieron leer { $count } archivo(s)
ui--filter-domain = Dominio de la política
ui--all-domains = Todos los dominios
ui--filter-from = Desde
ui--filter-to = Hasta
ui--export-csv = Exportar CSV
ui--export-json = Exportar JSON
ui--card-reports = informes
ui--card-success-rate = tasa de éxito
ui--card-successful = sesiones correctas
ui--card-failed = sesiones fallidas
ui--card-duplicates = duplicados omitidos
ui--period = Del { $from } al { $to }
ui--per-day = Sesiones por día
ui--chart-label = Sesiones correctas y fallidas durante { $days } días
ui--chart-tip = { $day }: { $ok } correctas, { $failed } fallidas
ui--legend-ok = correctas
ui--legend-failed = fallidas
ui--legend-rate = tasa de fallos
ui--by-organization = Por organización remitente
ui--by-domain = Por dominio de la política
ui--by-policy-type = Por tipo de política
ui--by-result-type = Fallos por tipo de resultado
ui--by-mx = Fallos por MX receptor
ui--by-ip = Fallos por IP remitente
ui--failure-details = Detalles de los fallos
ui--no-failures = No se han notificado fallos.
ui--not-given = (no indicado)
ui--more-rows = … y { $count } más ({ $failed } sesiones fallidas)
ui--rows-shown = Se muestran { $shown } de { $total } filas; la exportación las incluye todas.
ui--col-key = Nombre
ui--col-reports = Informes
ui--col-successful = Correctas
ui--col-failed = Fallidas
ui--col-success-rate = Tasa de éxito
ui--col-day = Día
ui--col-organization = Organización
ui--col-domain = Dominio de la política
ui--col-result-type = Tipo de resultado
ui--col-mx = MX receptor
ui--col-ip = IP remitente
ui--col-receiving-ip = IP receptora
ui--col-reason = Código de motivo
ui--col-info = Más información
ui--check-title = Comprobar un dominio en producción
ui--check-lead = Consulta los registros MTA-STS y de informes TLS del dominio y descarga su política como lo haría un servidor remitente (RFC 8461 §3.3); después lo comprueba todo con las mismas reglas que el validador.
ui--check-domain = Dominio de correo
ui--check-run = Comprobar
ui--check-running = Comprobando { $domain }…
ui--check-sts-id = ID de `_mta-sts`
ui--check-policy-hash = Hash del contenido de la política
ui--check-mx = Hosts MX
ui--check-covered-by = cubierto por `{ $pattern }`
ui--check-not-covered = no cubierto por la política
ui--check-findings = Resultados
ui--check-policy = La política descargada
ui--check-raw = Respuestas DNS y HTTP
ui--check-open-generator = Abrir el generador con este dominio, sus hosts MX y sus direcciones de informes
ui--check-error = No se ha podido hacer la comprobación: { $reason }
ui--check-rate-limited = Demasiadas comprobaciones desde tu dirección: espera un minuto y vuelve a intentarlo.
ui--check-bad-domain = Escribe un dominio de correo como example.com, no una URL, una dirección IP ni un puerto.
ui--check-privacy = Esta comprobación se ejecuta en el servidor de este sitio: consulta el DNS público y el host de la política del dominio, y solo guarda el ID y el hash de la política que ha visto (para detectar una política cambiada sin un ID nuevo).
ui--check-none = (ninguno)
ui--stored-title = Informes guardados
ui--stored-lead = Informes que tu worker recibió por HTTPS (/v1/tlsrpt) y por correo (Email Routing). El token de administración se queda en el almacenamiento de sesión de esta pestaña.
ui--token = Token de administración
ui--load = Cargar
ui--forget-token = Olvidar el token
ui--loading = Cargando…
ui--stored-listed = Se han leído { $count } informes guardados.
ui--language = Idioma
cli--see = véase
cli--duplicate = duplicado, no se cuenta

## Comprobación del dominio
check--no-sts-record = `_mta-sts.{ $domain }` no tiene registro MTA-STS: los remitentes no usan MTA-STS con este dominio.
    .fix = Genera los registros y la política y publícalos en el orden de la guía.
check--no-tlsrpt-record = `_smtp._tls.{ $domain }` no tiene registro de informes de TLS: nadie te avisará cuando falle TLS.
    .fix = Publica primero `v=TLSRPTv1; rua=mailto:…` en `_smtp._tls.{ $domain }`.
check--sts-at-apex = Hay un registro `v=STSv1` publicado en el propio `{ $domain }`; los remitentes solo consultan `_mta-sts.{ $domain }`.
    .fix = Muévelo a `_mta-sts.{ $domain }`.
check--dns-error = La consulta DNS de `{ $name }` ha fallado: { $reason }.
check--no-mx = `{ $domain }` no tiene registros MX, así que la política no tiene nada que cubrir.
check--policy-http-status = `{ $url }` respondió HTTP { $status }; solo 200 cuenta como política.
    .fix = Sirve el archivo de política exactamente en esta URL con estado 200.
check--policy-redirect = `{ $url }` redirige a `{ $location }`; los remitentes no deben seguir redirecciones.
    .fix = Sirve la política directamente en esta URL, sin redirección.
check--policy-content-type = `{ $url }` se sirve como `{ $value }`; los remitentes esperan `text/plain`.
    .fix = Sírvelo con `Content-Type: text/plain; charset=utf-8`.
check--policy-timeout = `{ $url }` no respondió en { $seconds } segundos.
check--policy-tls = La conexión HTTPS con `{ $host }` ha fallado: { $reason }.
    .fix = Usa un certificado válido para `{ $host }` de una CA pública y renuévalo a tiempo.
check--policy-unreachable = No se puede llegar a `{ $host }`: { $reason }.
    .fix = Publica una dirección para `{ $host }` y sirve allí la política por HTTPS.
check--id-not-changed = La política ha cambiado (hash del contenido { $hash }) pero el id de `_mta-sts` sigue siendo `{ $id }`: los remitentes conservan la política en caché.
    .fix = Publica un id nuevo, p. ej. `id={ $hash }`.
check--mx-no-starttls = El MX `{ $host }` no ofrece STARTTLS.
check--mx-cert-mismatch = El certificado del MX `{ $host }` no es válido para ese nombre.
check--mx-tls-error = TLS con el MX `{ $host }` ha fallado: { $reason }.
check--resolver-failed = El comprobador no obtuvo respuesta para `{ $name }` de su resolver: { $reason }.
    .fix = Vuelve a intentarlo más tarde; si persiste, el resolver del comprobador (`DOH_URL` o `--resolver`) no funciona.
check--smtp-not-tested = No se ha comprobado STARTTLS en los hosts MX desde aquí (una comprobación web no puede abrir el puerto 25).
    .fix = Ejecuta `mtasts check { $domain }` (sin `--no-smtp`) desde un host que llegue al puerto 25 para comprobar STARTTLS y el certificado de cada MX.
check--dnssec-validated = El resolvedor ha validado estas respuestas DNS con DNSSEC.
check--dnssec-not-validated = Estas respuestas DNS no están validadas con DNSSEC: los remitentes confían en la primera política que descargan, como prevé MTA-STS.
check--status = { $status ->
        [working] MTA-STS funciona: en modo de aplicación.
        [testing] MTA-STS funciona en modo de prueba: lee los informes y después pasa al modo de aplicación.
        [removing] MTA-STS se está retirando (mode none).
        [not-configured] MTA-STS no está configurado para este dominio.
        [could-not-check] La comprobación no se pudo completar: los datos de abajo están incompletos, así que no hay veredicto sobre el dominio.
       *[broken] MTA-STS no funciona: corrige los errores de abajo.
    }
check--next = { $status ->
        [working] Siguiente paso: sigue leyendo los informes TLS diarios y publica un ID de `_mta-sts` nuevo cada vez que cambie la política.
        [testing] Siguiente paso: lee los informes TLS diarios durante unas dos semanas; si no muestran fallos, pon `mode: enforce` y publica un ID nuevo.
        [removing] Siguiente paso: espera a que pase el max_age más largo y después elimina el registro `_mta-sts` y la política.
        [not-configured] Siguiente paso: publica primero el registro de informes `_smtp._tls`, después la política en modo testing y el registro `_mta-sts`; el generador escribe los tres.
        [could-not-check] Siguiente paso: vuelve a intentarlo más tarde; el problema está del lado del comprobador (su resolver), no necesariamente del dominio.
       *[broken] Siguiente paso: corrige los errores de abajo empezando por el primero; hasta entonces los remitentes tratan el dominio como si no tuviera una política utilizable.
    }

## Las respuestas HTTP del worker (rechazos; la misma forma que cualquier diagnóstico)
auth--not-configured = La API de administración está desactivada: esta instalación no tiene token de administración.
    .fix = Define el secreto `ADMIN_TOKEN` (`wrangler secret put ADMIN_TOKEN`; en local en `.dev.vars`).
auth--invalid-token = Falta el token `Authorization: Bearer` o es incorrecto: es el secreto `ADMIN_TOKEN` de esta instalación (en local en `.dev.vars`).
    .fix = Usa el secreto `ADMIN_TOKEN` de esta instalación (`wrangler secret put ADMIN_TOKEN`; en local en `.dev.vars`), enviado como `Authorization: Bearer <token>`.
api--not-found = No hay nada en `{ $path }`.
api--bad-domain = `{ $value }` no es un nombre de dominio ({ domain-reason }).
    .fix = Indica un nombre como example.com.
api--bad-date = `{ $param }` debe ser una fecha AAAA-MM-DD, no `{ $value }`.
api--bad-key = `{ $value }` no es la clave de un informe guardado.
    .fix = Usa una `key` de las que lista `GET /api/reports`.
api--bad-cursor = `{ $value }` no es un cursor que haya dado este almacén.
    .fix = Pasa el `cursor` de la página anterior tal como se devolvió, u omítelo para la primera página.
api--unreadable-body = No se pudo leer el cuerpo de la petición: { $reason }.
    .fix = Envía el cuerpo de nuevo.
api--invalid-policy = La política tiene { $errors ->
        [one] un error
       *[other] { $errors } errores
    } y no se ha guardado.
    .fix = Corrige los problemas listados en `details` y guárdala de nuevo.
api--cannot-generate = No se pudieron generar los registros de `{ $domain }` a partir de su política guardada.
    .fix = Guarda primero una política válida para el dominio.
ingest--unsupported-type = `{ $value }` no es el tipo de contenido de un informe de TLS.
    .fix = Envía con `Content-Type: application/tlsrpt+gzip` o `application/tlsrpt+json`.
ingest--empty-body = La petición no tiene cuerpo.
    .fix = Envía el informe en sí.
ingest--domain-not-served = Este endpoint solo acepta informes de los dominios que sirve; este informe es de { $domains }.
    .fix = Envía el informe a la dirección del registro `_smtp._tls` de ese dominio.
ingest--count-too-large = `{ $field }` vale { $value }: supera { $max }, el mayor recuento que se guarda exacto.
    .fix = Envía los recuentos de sesiones tal como se contaron; un día de sesiones SMTP queda muy por debajo de este límite.
http--not-found = No hay nada en `{ $path }`.
http--method-not-allowed = `{ $method }` no está permitido aquí.
    .fix = Usa { $allow }.
server--unavailable = El almacenamiento no está disponible ahora; no se ha guardado nada.
    .fix = Vuelve a intentarlo más tarde.
policy--unknown-host = `{ $host }` no es un host `mta-sts.<dominio>` servido aquí.
policy--unknown-domain = No hay ninguna política guardada para `{ $domain }`.
    .fix = Guarda una con `PUT /api/policies/{ $domain }`.
policy--invalid-stored = La política guardada de `{ $domain }` tiene errores, así que no se sirve.
    .fix = Guarda una política válida con `PUT /api/policies/{ $domain }`.
check--missing-domain = Indica el dominio de correo que quieres comprobar.
    .fix = p. ej. `/api/check?domain=example.com`.
check--bad-domain = `{ $value }` no es un nombre de dominio de correo ({ domain-reason }).
    .fix = Indica un nombre como example.com, no una URL, una dirección IP ni un puerto.
check--rate-limited = Demasiadas comprobaciones desde tu dirección.
    .fix = Espera { $seconds } segundos y vuelve a intentarlo.
ui--rule-page = Qué significa esta regla, por qué importa, ejemplos
records--rua-order = La dirección de correo de este despliegue va primero: Microsoft envía los informes solo a la primera dirección de `rua` y Google también los envía por correo; el endpoint HTTPS va segundo, para los remitentes que suben.
ui--arrivals = Cómo llegaron
ui--col-report-id = Id del informe
ui--col-via = Llegó por
ui--col-sender = Remitente del sobre
cli--skipped = { $count ->
        [one] 1 mensaje del buzón no es un informe TLS y se ha omitido.
       *[other] { $count } mensajes del buzón no son informes TLS y se han omitido.
    }
watch--failure-rate = El { $rate } % de las sesiones del { $day } falló ({ $failed } de { $sessions }), por encima del umbral del { $threshold } %.
    .fix = Mira los tipos de resultado y los MX en los informes del día: la causa habitual es un certificado o STARTTLS en un MX.
watch--new-result-type = Un tipo de fallo nunca visto antes en este dominio: `{ $result }` ({ $count } sesiones el { $day }).
    .fix = Lee los detalles de fallo de los informes del día: un tipo de resultado nuevo significa que algo cambió en un MX o en el DNS.
watch--reports-stopped = Ningún informe TLS desde hace { $days } días; el último fue del { $last }.
    .fix = Comprueba que el registro `_smtp._tls` sigue existiendo y que el buzón o el endpoint de su `rua` sigue aceptando informes.
watch--policy-invalid = La política que reciben los remitentes tiene { $errors } errores (el primero: `{ $first }`), así que no se sirve.
    .fix = Revisa la política (`mtasts lint`), corrígela y guárdala de nuevo; después publica un `id` nuevo.
watch--mx-not-covered = El correo va al MX `{ $host }` ({ $count } sesiones fallidas), que ninguna línea `mx:` de la política cubre.
    .fix = Añade `mx: { $host }` (o un comodín que lo cubra) a la política y publica un `id` nuevo.
watch--mx-gone = La línea `mx: { $pattern }` de la política no coincide con ningún MX del dominio ({ $mx }).
    .fix = Quita la línea de la política si el MX ya no existe, y publica un `id` nuevo.
watch--enforce-with-failures = La política está en modo `enforce` y { $count } sesiones fallaron desde el { $since }: los remitentes no entregaron esos mensajes.
    .fix = Corrige ya los MX que fallan, o vuelve a `mode: testing` (con un `id` nuevo) hasta corregirlos.
watch--rua-elsewhere = El registro `_smtp._tls` envía los informes a { $rua }, no a esta instalación ({ $ours }).
    .fix = Publica `rua=` con una de las direcciones de esta instalación (la primera: Microsoft solo escribe a la primera).
api--bad-watch-settings = El ajuste de vigilancia `{ $field }` no puede valer `{ $value }`: se espera { $expected }.
ui--watch-link = Resúmenes y alertas por correo o webhook: la vigilancia →

## home
ui--home-title = MTA-STS e informes TLS, de la configuración a los informes diarios
ui--home-lead = MTA-STS (RFC 8461) hace que los servidores que le envían correo exijan una conexión cifrada y autenticada; los informes TLS (RFC 8460) le avisan cada día cuando no lo lograron. Empiece por su dominio.
ui--home-domain = Su dominio de correo
ui--home-check = Comprobar mi dominio
ui--home-check-text = Vea lo que ve un servidor remitente: los registros, la política y si sus hosts MX están cubiertos.
ui--home-generate = Configurarlo
ui--home-generate-text = Los registros y el archivo de política que publicar, en el orden que pide el despliegue, empezando en modo de prueba.
ui--home-reports = Leer mis informes
ui--home-reports-text = Suelte aquí los informes diarios que le envían los remitentes: se leen en este navegador y nunca se suben.
ui--home-validate-text = ¿Ya tiene una política o un registro?
ui--home-validate = Valídelo aquí.
ui--skip = Ir al contenido
ui--copy-what = Copiar: { $what }
ui--copied-what = Copiado: { $what }
ui--gen-domain-cleaned = Se usa `{ $domain }`: el dominio, sin el esquema, la ruta ni la dirección que lo rodean.
ui--gen-stale = Hay que corregir un campo de arriba (vea la indicación debajo de él). El resultado de abajo es el de la última entrada válida.
ui--gen-fix-fields = Hay que corregir un campo de arriba (vea la indicación debajo de él); los registros y la política aparecen en cuanto se pueda leer.
ui--gen-certificate = Los remitentes la descargan por HTTPS y comprueban el certificado: debe ser válido para `{ $host }` (RFC 8461 §3.3), no solo para el dominio.
ui--gen-host-here = Que este sitio aloje la política
ui--gen-host-here-how = El worker de este sitio sirve `https://{ $host }/.well-known/mta-sts.txt` para cada dominio que se le confía. En Cloudflare: añada la ruta `{ $host }/*` al worker, el registro DNS con proxy de abajo (el certificado perimetral cubre entonces `{ $host }`) y guarde la política con `PUT /api/policies/{ $domain }` (el token de administración). La página de comprobación la muestra luego en vivo.
ui--gen-host-record = Registro DNS para { $host }
ui--gen-testing-until = Paso a enforce no antes de dos semanas desde hoy: { $date }. Hasta entonces, lea los informes:
ui--read-title = Lo que lee un remitente
ui--read-field = Campo
ui--read-value = Valor
ui--read-meaning = Qué hace un remitente con él
ui--read-v-sts = Un registro MTA-STS, versión 1: el dominio tiene una política que descargar (RFC 8461 §3.1).
ui--read-id = La versión de la política: un remitente la vuelve a descargar cuando cambia, así que cámbiela con cada cambio de la política (RFC 8461 §3.1).
ui--read-v-tlsrpt = Un registro de informes TLS, versión 1: los remitentes envían un informe diario de sus sesiones TLS (RFC 8460 §3).
ui--read-mailto = Dirección de informes { $n }: los remitentes envían allí los informes como correo `multipart/report` (RFC 8460 §3, §5.3).
ui--read-https = Dirección de informes { $n }: los remitentes envían allí los informes con un POST (RFC 8460 §3, §5.4).
ui--read-extension = No definido por el RFC: los remitentes lo ignoran.
ui--read-mode-enforce = Los remitentes solo entregan por TLS con un certificado válido a un host MX de la lista de abajo; si no, retienen el correo (RFC 8461 §5).
ui--read-mode-testing = Los remitentes entregan como antes, pero informan de cada sesión que habría fallado (RFC 8461 §5).
ui--read-mode-none = Los remitentes dejan de aplicar MTA-STS al dominio una vez descargada esta política (RFC 8461 §5).
ui--read-max-age = Los remitentes guardan la política en caché { $days } días y la siguen aplicando sin volver a descargarla (RFC 8461 §3.2).
ui--read-mx = Un host MX que los remitentes aceptan, por su nombre exacto (RFC 8461 §4.1).
ui--read-mx-wildcard = Cualquier host MX una etiqueta por debajo de este nombre, p. ej. `mx1` delante (RFC 8461 §4.1).
ui--mx-box = Hosts MX
ui--filter = Filtrar
ui--filter-of = Filtrar: { $table }
ui--show-all = Mostrar las { $n }
ui--show-top = Mostrar las primeras { $n }
ui--long-value = { $chars } caracteres:
ui--stored-empty = Aún no hay informes guardados para esta selección.
ui--stored-empty-how = Los informes llegan cuando el registro `_smtp._tls` del dominio nombra este sitio: `GET /api/records` da el registro que publicar (primero el buzón, luego el punto HTTPS); los remitentes envían un informe al día. Un intervalo de fechas más amplio o sin filtro de dominio muestra lo que ya hay. Configurar un dominio:
ui--col-report-id = Id del informe
ui--stored-list = Informes, del más reciente
ui--page-newer = ← Más recientes
ui--page-older = Más antiguos →
ui--page-number = Página { $n }
ui--chart-break = { $days } días sin informes (del { $from } al { $to })
ui--chart-hint = Señale un día, tóquelo o llegue a él con Tab para leer aquí sus cifras.
ui--by-result-and-mx = Fallos por tipo de resultado y MX
ui--by-day-and-result = Cada tipo de resultado por día (filtre por un tipo para ver su evolución)
