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


def policy_allowing_webassembly() -> str:
    """The site's policy with WebAssembly allowed to compile ('wasm-unsafe-eval', which allows no eval of
    JavaScript), for the one page that needs it: the check-in desk decodes QR codes with a WebAssembly library
    where the browser has no BarcodeDetector (Safari, Firefox). A view sets it on its response; every other page
    keeps the strict policy."""
    policy = getattr(settings, "CONTENT_SECURITY_POLICY", DEFAULT_CSP)
    return policy.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", 1)


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
