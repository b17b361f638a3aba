HTTP/1.1 200 OK
Content-Type: application/yaml;charset=UTF-8
X-Frame-Options: DENY
Content-Security-Policy: frame-ancestors 'none'

