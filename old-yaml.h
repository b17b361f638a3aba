HTTP/1.1 200 OK
Content-Type: application/yaml;charset=UTF-8
content-length: 627420
X-Frame-Options: DENY
Content-Security-Policy: frame-ancestors 'none'

