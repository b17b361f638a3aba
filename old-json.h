HTTP/1.1 200 OK
Content-Type: application/json;charset=UTF-8
content-length: 815877
X-Frame-Options: DENY
Content-Security-Policy: frame-ancestors 'none'

