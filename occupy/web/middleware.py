from django.conf import settings

DEFAULT_CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; font-src 'self'; "
    "connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)

# Browser features no page uses are switched off for the site and anything it embeds. The check-in desk reads
# tickets with the camera (js/checkin.js), so the camera stays allowed for the site itself.
DEFAULT_PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(self), display-capture=(), encrypted-media=(), fullscreen=(self), "
    "geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), "
    "picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), "
    "xr-spatial-tracking=()"
)


class ContentSecurityPolicyMiddleware:
    """A strict Content-Security-Policy on every response, the admin's included: no inline script or style
    anywhere (our templates keep to that, and Django 5.2's admin needs neither: its scripts are files with
    data- attributes, and its widgets set styles through the DOM, which a policy does not restrict; the
    browser tests walk the admin to hold it to that). And a Permissions-Policy on every response."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = getattr(settings, "CONTENT_SECURITY_POLICY", DEFAULT_CSP)
        self.permissions = getattr(settings, "PERMISSIONS_POLICY", DEFAULT_PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.policy)
        response.headers.setdefault("Permissions-Policy", self.permissions)
        return response
