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
