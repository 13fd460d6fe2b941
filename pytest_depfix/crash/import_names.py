"""Import names that differ from the distribution that provides them.

A foreign traceback shows ``site-packages/cv2/__init__.py``; the pin set says
``opencv-python-headless==4.5.1.48``.  When the pins, the installed metadata
and the index cannot connect the two, this table of well-known mismatches
does.  Several distributions may provide one import name (the opencv builds,
PyJWT vs jwt): the candidates are listed most common first, and the caller
prefers whichever of them is in the pin set being analysed.

Dotted keys (``google.protobuf``) are matched before their top level
(``google`` is a namespace shared by many distributions).
"""

from __future__ import annotations

from typing import Dict, Tuple

IMPORT_TO_DISTS: Dict[str, Tuple[str, ...]] = {
    "cv2": ("opencv-python", "opencv-python-headless", "opencv-contrib-python", "opencv-contrib-python-headless"),
    "PIL": ("Pillow", "PIL"),
    "skimage": ("scikit-image",),
    "sklearn": ("scikit-learn",),
    "yaml": ("PyYAML",),
    "_yaml": ("PyYAML",),
    "google.protobuf": ("protobuf",),
    "google.api_core": ("google-api-core",),
    "google.auth": ("google-auth",),
    "google.cloud.storage": ("google-cloud-storage",),
    "google.cloud.bigquery": ("google-cloud-bigquery",),
    "google.oauth2": ("google-auth",),
    "googleapiclient": ("google-api-python-client",),
    "grpc": ("grpcio",),
    "dateutil": ("python-dateutil",),
    "pywt": ("PyWavelets",),
    "attr": ("attrs",),
    "bs4": ("beautifulsoup4",),
    "Crypto": ("pycryptodome", "pycrypto"),
    "Cryptodome": ("pycryptodomex",),
    "OpenSSL": ("pyOpenSSL",),
    "jwt": ("PyJWT",),
    "dotenv": ("python-dotenv",),
    "git": ("GitPython",),
    "magic": ("python-magic",),
    "serial": ("pyserial",),
    "usb": ("pyusb",),
    "zmq": ("pyzmq",),
    "tensorboardX": ("tensorboardX",),
    "typing_extensions": ("typing-extensions",),
    "mpl_toolkits": ("matplotlib",),
    "pkg_resources": ("setuptools",),
    "_distutils_hack": ("setuptools",),
    "setuptools": ("setuptools",),
    "wx": ("wxPython",),
    "gi": ("PyGObject",),
    "cairo": ("pycairo",),
    "fitz": ("PyMuPDF",),
    "docx": ("python-docx",),
    "pptx": ("python-pptx",),
    "MySQLdb": ("mysqlclient", "MySQL-python"),
    "psycopg2": ("psycopg2", "psycopg2-binary"),
    "Levenshtein": ("python-Levenshtein", "Levenshtein"),
    "slugify": ("python-slugify",),
    "jose": ("python-jose",),
    "multipart": ("python-multipart",),
    "socketio": ("python-socketio",),
    "engineio": ("python-engineio",),
    "telegram": ("python-telegram-bot",),
    "win32api": ("pywin32",),
    "win32com": ("pywin32",),
    "pythoncom": ("pywin32",),
    "pywintypes": ("pywin32",),
    "sentencepiece": ("sentencepiece",),
    "faiss": ("faiss-cpu", "faiss-gpu"),
    "tflite_runtime": ("tflite-runtime",),
    "onnxruntime": ("onnxruntime", "onnxruntime-gpu"),
    "mx": ("mxnet",),
    "mxnet": ("mxnet", "mxnet-cu110", "mxnet-cu102"),
    "jinja2": ("Jinja2",),
    "markupsafe": ("MarkupSafe",),
    "werkzeug": ("Werkzeug",),
    "flask": ("Flask",),
    "sqlalchemy": ("SQLAlchemy",),
    "Bio": ("biopython",),
    "nacl": ("PyNaCl",),
    "lxml": ("lxml",),
    "ruamel": ("ruamel.yaml",),
    "sklearn_crfsuite": ("sklearn-crfsuite",),
    "tensorflow": ("tensorflow", "tensorflow-gpu", "tensorflow-cpu", "tensorflow-macos", "tf-nightly"),
    "keras": ("keras", "tf-keras"),
    "torch": ("torch",),
    "ffmpeg": ("ffmpeg-python",),
    "Xlib": ("python-xlib",),
    "snappy": ("python-snappy",),
    "memcache": ("python-memcached",),
    "ldap": ("python-ldap",),
    "dns": ("dnspython",),
    "websocket": ("websocket-client",),
    "kafka": ("kafka-python",),
    "consul": ("python-consul",),
    "jenkins": ("python-jenkins",),
    "editor": ("python-editor",),
    "pkg_about": ("pkg-about",),
    "zope": ("zope.interface",),
    "absl": ("absl-py",),
    "tf_keras": ("tf-keras",),
    "huggingface_hub": ("huggingface-hub",),
    "llama_cpp": ("llama-cpp-python",),
}


def dists_for_import(module: str) -> Tuple[str, ...]:
    """Candidate distributions for a dotted module name from the table (longest key first)."""
    parts = module.split(".")
    for n in range(min(len(parts), 3), 0, -1):
        hit = IMPORT_TO_DISTS.get(".".join(parts[:n]))
        if hit:
            return hit
    return ()
