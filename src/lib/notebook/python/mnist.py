# %%
# The site's MNIST subset: 5,000 training and 1,000 test digits, 28 × 28 grey levels 0–255 (0 is
# the background), class-balanced. The only step of this notebook that needs the network is
# downloading it from the site this notebook came from. It is saved next to the notebook (a copy
# saved from the widget works too) and checked against its SHA-256 checksum before use.
import gzip
import hashlib
import os
import urllib.request


def load_file(url, path, checksums):
    """The bytes of `path`, downloaded from `url` first if it is not there; checks the SHA-256."""
    if not os.path.exists(path):
        print('Downloading', url)
        urllib.request.urlretrieve(url, path)
    with open(path, 'rb') as f:
        data = f.read()
    digest = hashlib.sha256(data).hexdigest()
    if digest not in checksums:
        raise ValueError(f'{path} has the SHA-256 checksum {digest}, not the expected {checksums[0]}: '
                         'delete it and run this cell again to download it anew.')
    return data


def decode_digits(data):
    """Reads the container (src/lib/ml/mnist-subset.ts): the magic bytes 'NBDG', version 1, rows,
    columns, classes, the two counts (little-endian), then the training and test labels and the
    training and test images, row by row. The file is gzip-compressed."""
    if data[:2] == b'\x1f\x8b':
        data = gzip.decompress(data)
    if data[:4] != b'NBDG' or data[4] != 1:
        raise ValueError('not a digit subset of version 1')
    rows, cols = data[5], data[6]
    n_train = int.from_bytes(data[8:12], 'little')
    n_test = int.from_bytes(data[12:16], 'little')
    pixels = rows * cols
    at = 16
    train_labels = np.frombuffer(data, np.uint8, n_train, at)
    at += n_train
    test_labels = np.frombuffer(data, np.uint8, n_test, at)
    at += n_test
    train_images = np.frombuffer(data, np.uint8, n_train * pixels, at).reshape(n_train, rows, cols)
    at += n_train * pixels
    test_images = np.frombuffer(data, np.uint8, n_test * pixels, at).reshape(n_test, rows, cols)
    return (train_images, train_labels), (test_images, test_labels)


def as_tensors(images, labels):
    """Images scaled to [0, 1] as float32 [N, 1, 28, 28] (PyTorch's channels-first order) and labels [N]."""
    x = torch.from_numpy(images.astype(np.float32) / np.float32(255)).unsqueeze(1)
    return x, torch.from_numpy(labels.astype(np.int64))


(train_images, train_labels), (test_images, test_labels) = decode_digits(
    load_file(MNIST_URL, MNIST_FILE, MNIST_SHA256))
x_train, y_train = as_tensors(train_images, train_labels)
x_test, y_test = as_tensors(test_images, test_labels)
print(f'{len(y_train)} training and {len(y_test)} test digits;',
      'training digits per class:', np.bincount(train_labels, minlength=10).tolist())
