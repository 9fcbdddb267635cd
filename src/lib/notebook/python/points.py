# %%
# The four point sets of the widgets (src/lib/ml/datasets.ts), made with the seeded generator
# above. Each function returns one point (x, y) of class k; `i` counts the points of that class.
# Points are grouped by class (class 0 first); training shuffles them into mini-batches.

DEFAULT_NOISE = {'spiral': 0.2, 'moons': 0.1, 'circles': 0.05, 'xor': 0.05}
CLASS_COUNT = {'spiral': 3, 'moons': 2, 'circles': 2, 'xor': 2}


def spiral_point(rng, k, i, count, noise):
    """Arm k of a three-arm spiral: radius r from 0 to 1, angle 4k + 4r plus Gaussian jitter."""
    r = i / (count - 1) if count > 1 else 0
    t = 4 * k + 4 * r + rng.normal(0, noise)
    return r * math.sin(t), r * math.cos(t)


def moons_point(rng, k, i, count, noise):
    """Two interleaved half circles (like scikit-learn's make_moons), scaled into [-1, 1]²."""
    s = math.pi * i / (count - 1) if count > 1 else 0
    if k == 0:
        px, py = math.cos(s), math.sin(s)
    else:
        px, py = 1 - math.cos(s), 0.5 - math.sin(s)
    x = (px - 0.5) / 1.5 + rng.normal(0, noise)
    y = (py - 0.25) / 1.5 + rng.normal(0, noise)
    return x, y


def circles_point(rng, k, i, count, noise):
    """Two concentric circles: class 0 has radius 1, class 1 radius 0.5; random angle."""
    radius = 1 if k == 0 else 0.5
    a = rng.uniform_range(0, 2 * math.pi)
    x = radius * math.cos(a) + rng.normal(0, noise)
    y = radius * math.sin(a) + rng.normal(0, noise)
    return x, y


def xor_point(rng, k, i, count, noise):
    """XOR: class 0 in quadrants I and III, class 1 in II and IV (label decided before the jitter)."""
    u = rng.uniform_range(0, 1)
    v = rng.uniform_range(0, 1)
    sign_x = 1 if rng.uniform() < 0.5 else -1
    sign_y = sign_x if k == 0 else -sign_x
    return sign_x * u + rng.normal(0, noise), sign_y * v + rng.normal(0, noise)


POINT_FUNCTIONS = {'spiral': spiral_point, 'moons': moons_point, 'circles': circles_point, 'xor': xor_point}


def class_size(n, classes, k):
    """Points in class k: n split as evenly as possible, the first classes get the remainder."""
    return n // classes + (1 if k < n % classes else 0)


def make_points(name, n, seed):
    """The data set `name` with n points: coordinates x [n, 2] (float32) and labels y [n] (int64)."""
    rng = Rng(seed)
    classes = CLASS_COUNT[name]
    noise = DEFAULT_NOISE[name]
    point = POINT_FUNCTIONS[name]
    x = np.zeros((n, 2), dtype=np.float32)  # float32, like the widget's Float32Array
    y = np.zeros(n, dtype=np.int64)
    row = 0
    for k in range(classes):
        count = class_size(n, classes, k)
        for i in range(count):
            x[row] = point(rng, k, i, count, noise)
            y[row] = k
            row += 1
    return x, y


def point_tensors(name, n, seed):
    """make_points as NumPy arrays (for drawing) and as PyTorch tensors (for training)."""
    x_np, y_np = make_points(name, n, seed)
    return x_np, y_np, torch.from_numpy(x_np), torch.from_numpy(y_np)


# %%
# The region of the plane the maps show: the points' bounding box plus 10 % on every side, and
# the centres of an R×R grid of cells over it (row 0 at the top), as the widget computes them.

def plane_extent(x, margin=0.1):
    """(x_min, x_max, y_min, y_max) around the points, grown by margin × the larger side."""
    x_min, y_min = float(x[:, 0].min()), float(x[:, 1].min())
    x_max, y_max = float(x[:, 0].max()), float(x[:, 1].max())
    pad = margin * max(x_max - x_min, y_max - y_min)
    return x_min - pad, x_max + pad, y_min - pad, y_max + pad


def grid_points(extent, resolution):
    """Centres of a resolution × resolution grid over `extent`, row by row from the top: [R·R, 2]."""
    x_min, x_max, y_min, y_max = extent
    dx = (x_max - x_min) / resolution
    dy = (y_max - y_min) / resolution
    points = np.zeros((resolution * resolution, 2), dtype=np.float32)
    for i in range(resolution):
        for j in range(resolution):
            points[i * resolution + j] = (x_min + (j + 0.5) * dx, y_max - (i + 0.5) * dy)
    return points
