{{/*
The chart's name, cut to 63 characters (a DNS label).
*/}}
{{- define "openuapi.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The release's full name: the release name alone when it already contains the chart's name.
*/}}
{{- define "openuapi.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "openuapi.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "openuapi.selectorLabels" -}}
app.kubernetes.io/name: {{ include "openuapi.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "openuapi.labels" -}}
helm.sh/chart: {{ include "openuapi.chart" . }}
{{ include "openuapi.selectorLabels" . }}
app.kubernetes.io/version: {{ include "openuapi.imageTag" . | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "openuapi.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "openuapi.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "openuapi.imageTag" -}}
{{- default .Chart.AppVersion .Values.image.tag }}
{{- end }}

{{/*
The image reference: by digest when one is given, else by tag (the chart's appVersion by default).
No registry host is added: image.repository is used as given.
*/}}
{{- define "openuapi.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (include "openuapi.imageTag" .) }}
{{- end }}
{{- end }}

{{/*
The Secret holding the credentials: the operator's own, or the one this chart makes.
*/}}
{{- define "openuapi.secretName" -}}
{{- if .Values.existingSecret }}
{{- .Values.existingSecret }}
{{- else }}
{{- include "openuapi.fullname" . }}
{{- end }}
{{- end }}

{{- define "openuapi.managementServiceName" -}}
{{- printf "%s-management" (include "openuapi.fullname" . | trunc 52 | trimSuffix "-") }}
{{- end }}

{{- define "openuapi.hostingHost" -}}
{{- default .Values.mariadb.host .Values.mariadb.hosting.host }}
{{- end }}

{{- define "openuapi.hostingPort" -}}
{{- default .Values.mariadb.port .Values.mariadb.hosting.port }}
{{- end }}

{{- define "openuapi.jdbcUrl" -}}
{{- $url := printf "jdbc:mariadb://%s:%v/%s" .Values.mariadb.host .Values.mariadb.port .Values.mariadb.database }}
{{- if .Values.mariadb.parameters }}
{{- $url = printf "%s?%s" $url .Values.mariadb.parameters }}
{{- end }}
{{- $url }}
{{- end }}

{{/*
The hosting server's URL names no database: Mysql::* works across the customers' databases.
*/}}
{{- define "openuapi.hostingJdbcUrl" -}}
{{- $url := printf "jdbc:mariadb://%s:%v/" (include "openuapi.hostingHost" .) (include "openuapi.hostingPort" .) }}
{{- if .Values.mariadb.parameters }}
{{- $url = printf "%s?%s" $url .Values.mariadb.parameters }}
{{- end }}
{{- $url }}
{{- end }}

{{/*
The Service port an Ingress sends to: as configured, else http unless plain HTTP is off.
*/}}
{{- define "openuapi.ingressServicePort" -}}
{{- $port := .Values.ingress.servicePort | default (ternary "http" "https" .Values.http.plain.enabled) }}
{{- if and (eq $port "http") (not .Values.http.plain.enabled) }}
{{- fail "ingress.servicePort is http but http.plain.enabled is false: port 2082 is closed; use https (and tell your ingress controller that the backend speaks HTTPS)" }}
{{- end }}
{{- $port }}
{{- end }}

{{/*
The migration Job and the hook copies of the Secret and ConfigMap it reads: <fullname>-migrate (a Job's name
becomes a pod label, so at most 63 characters).
*/}}
{{- define "openuapi.migrateName" -}}
{{- printf "%s-migrate" (include "openuapi.fullname" . | trunc 55 | trimSuffix "-") }}
{{- end }}

{{/*
The migration pods' labels. Their name label differs from the replicas' (name-migrate), so the Service, the
PodDisruptionBudget and the replicas' NetworkPolicy, which select name and instance, never select them.
*/}}
{{- define "openuapi.migrateSelectorLabels" -}}
app.kubernetes.io/name: {{ printf "%s-migrate" (include "openuapi.name" . | trunc 55 | trimSuffix "-") }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: migrate
{{- end }}

{{- define "openuapi.migrateLabels" -}}
helm.sh/chart: {{ include "openuapi.chart" . }}
{{ include "openuapi.migrateSelectorLabels" . }}
app.kubernetes.io/version: {{ include "openuapi.imageTag" . | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/*
The annotations that make a resource a pre-install and pre-upgrade hook of the given weight (lower runs first).
Hook resources are not part of the release: Helm makes them for each install or upgrade and deletes them once
every hook has succeeded (hook-succeeded), or before making them again (before-hook-creation). A failed hook's
resources stay for inspection until the next attempt.
*/}}
{{- define "openuapi.migrateHook" -}}
helm.sh/hook: pre-install,pre-upgrade
helm.sh/hook-weight: {{ . | quote }}
helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded
{{- end }}

{{/*
The key every replica checks tokens with: secrets.tokenCheckKey when given; else the one the chart-made Secret
already holds (so upgrades keep it); else 48 random letters and digits. The value is kept in .Values for the
rest of this rendering, so the Secret, its hook copy and the checksum annotation all see the same one.
*/}}
{{- define "openuapi.tokenCheckKey" -}}
{{- if not .Values.secrets.tokenCheckKey }}
{{- $existing := lookup "v1" "Secret" .Release.Namespace (include "openuapi.fullname" .) | default dict }}
{{- $key := dig "data" "token-check-key" "" $existing | b64dec }}
{{- $_ := set .Values.secrets "tokenCheckKey" (default (randAlphaNum 48) $key) }}
{{- end }}
{{- .Values.secrets.tokenCheckKey }}
{{- end }}

{{/*
The configuration every OpenUAPI process gets: the replicas through the ConfigMap, the migration Job through its
hook copy.
*/}}
{{- define "openuapi.configData" -}}
# OpenUAPI's own database. Replicas do not migrate it: the migration Job does, once per release.
QUARKUS_DATASOURCE_JDBC_URL: {{ include "openuapi.jdbcUrl" . | quote }}
QUARKUS_DATASOURCE_USERNAME: {{ .Values.mariadb.username | quote }}
# The hosting server, where customers' databases and users are created.
QUARKUS_DATASOURCE_HOSTING_JDBC_URL: {{ include "openuapi.hostingJdbcUrl" . | quote }}
QUARKUS_DATASOURCE_HOSTING_USERNAME: {{ .Values.mariadb.hosting.username | quote }}
OPENUAPI_DNS_NAMESERVERS: {{ required "dns.nameservers is required: your zones' nameservers (NS records of every new zone), e.g. [ns1.your-company.net, ns2.your-company.net]" (join "," .Values.dns.nameservers) | quote }}
{{- with .Values.dns.database }}
OPENUAPI_DNS_DATABASE: {{ . | quote }}
{{- end }}
OPENUAPI_DNS_ACCOUNT_IP: {{ required "dns.accountIp is required: the hosting server's public IPv4 address (the A record of every new domain)" .Values.dns.accountIp | quote }}
{{- with .Values.trustedProxies }}
OPENUAPI_TRUSTED_PROXIES: {{ join "," . | quote }}
{{- end }}
QUARKUS_HTTP_INSECURE_REQUESTS: {{ ternary "enabled" "disabled" .Values.http.plain.enabled | quote }}
# The accounts' home directories: the homes volume is mounted there.
OPENUAPI_HOMES_ROOT: {{ .Values.homes.root | quote }}
# Where the self-signed certificate goes when no TLS Secret is given (an emptyDir).
OPENUAPI_TLS_DIRECTORY: "/var/lib/openuapi/tls"
{{- if .Values.tls.existingSecret }}
QUARKUS_HTTP_SSL_CERTIFICATE_FILES: "/etc/openuapi/tls/tls.crt"
QUARKUS_HTTP_SSL_CERTIFICATE_KEY_FILES: "/etc/openuapi/tls/tls.key"
{{- end }}
{{- end }}

{{/*
The homes claim's name: the existing one, or the chart's own.
*/}}
{{- define "openuapi.homesClaim" -}}
{{- .Values.homes.persistence.existingClaim | default (printf "%s-homes" (include "openuapi.fullname" .)) -}}
{{- end }}

{{/*
The homes claim's access mode: as given, or ReadWriteMany when more than one pod may mount it.
*/}}
{{- define "openuapi.homesAccessMode" -}}
{{- if .Values.homes.persistence.accessMode -}}
{{- .Values.homes.persistence.accessMode -}}
{{- else if or .Values.autoscaling.enabled (gt (int .Values.replicaCount) 1) -}}
ReadWriteMany
{{- else -}}
ReadWriteOnce
{{- end -}}
{{- end }}
