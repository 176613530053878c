// The check-in page's QR reader: detector() answers an object with BarcodeDetector's detect(source) -> [{rawValue}],
// the browser's own BarcodeDetector where it reads QR codes (Chromium on Android), otherwise zxing-wasm (Safari,
// Firefox), which `make vendor` installs from the npm registry into static/vendor/ and which is loaded from there,
// its WebAssembly too, on the first scan (the check-in page's CSP allows 'wasm-unsafe-eval' for it).
(function () {
  "use strict";

  var start = document.getElementById("scan-start"); // its data- attributes name the library's static files

  function attr(element, name) {
    return (element && element.getAttribute("data-" + name)) || "";
  }
  var decoderLoading = null;

  function loadScript(url) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = url;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  // zxing-wasm, from our static files (its wasm file too, never from a CDN), with the same detect() as
  // BarcodeDetector: it reads a video, an image or a canvas and answers [{rawValue}].
  function libraryDetector() {
    if (decoderLoading) return decoderLoading;
    decoderLoading = loadScript(attr(start, "decoder"))
      .then(function () {
        var wasm = new URL(attr(start, "decoder-wasm"), document.baseURI).href;
        return window.ZXingWASM.prepareZXingModule({
          overrides: {
            locateFile: function (path, prefix) { return /\.wasm$/.test(path) ? wasm : prefix + path; }
          },
          fireImmediately: true
        });
      })
      .then(function () {
        var canvas = document.createElement("canvas");
        var context = canvas.getContext("2d", { willReadFrequently: true });
        return {
          detect: function (source) {
            var width = source.videoWidth || source.naturalWidth || source.width;
            var height = source.videoHeight || source.naturalHeight || source.height;
            if (!width || !height) return Promise.resolve([]);
            canvas.width = width;
            canvas.height = height;
            context.drawImage(source, 0, 0, width, height);
            return window.ZXingWASM.readBarcodes(context.getImageData(0, 0, width, height), {
              formats: ["QRCode"],
              tryHarder: true,
              maxNumberOfSymbols: 1
            }).then(function (results) {
              return results.filter(function (result) { return result.isValid; })
                .map(function (result) { return { rawValue: result.text }; });
            });
          }
        };
      });
    decoderLoading.catch(function () { decoderLoading = null; });
    return decoderLoading;
  }

  function nativeDetector() {
    if (!("BarcodeDetector" in window) || !window.BarcodeDetector.getSupportedFormats) return Promise.resolve(null);
    return window.BarcodeDetector.getSupportedFormats()
      .then(function (formats) {
        return formats.indexOf("qr_code") >= 0 ? new window.BarcodeDetector({ formats: ["qr_code"] }) : null;
      })
      .catch(function () { return null; });
  }

  function detector() {
    return nativeDetector().then(function (native) { return native || libraryDetector(); });
  }

  // js/checkin.js reads tickets with detector(); the browser test decodes the ticket's own QR code with
  // libraryDetector(), the library this page loads.
  window.occupyQrReader = { detector: detector, libraryDetector: libraryDetector };
})();
