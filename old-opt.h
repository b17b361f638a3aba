HTTP/1.1 404 Not Found
Allow: GET, HEAD, OPTIONS
content-length: 0
X-Frame-Options: DENY
Content-Security-Policy: frame-ancestors 'none'

