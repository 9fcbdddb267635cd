# %%
# Charts and tables like the widget's. Colours are the site's (Okabe–Ito, safe for colour-blind
# readers): plain nets orange, residual nets blue; classes blue, orange, green, purple.

PLAIN_COLOUR = '#E69F00'
RESIDUAL_COLOUR = '#0072B2'
SERIES_COLOURS = {'plain': PLAIN_COLOUR, 'residual': RESIDUAL_COLOUR}
CLASS_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7']


def smooth(values, weight=0.1):
    """The widget's smoothing of mini-batch losses: a moving average, weight 0.1 on the newest loss."""
    out = []
    for v in values:
        out.append(v if not out else 0.9 * out[-1] + weight * v)
    return out


def show_table(title, headers, rows):
    """Prints a table with aligned columns; numbers with 4 decimals, as in the widget's tables."""
    def cell(v):
        if v is None:
            return ''
        if isinstance(v, float):
            return f'{v:.4f}'
        return str(v)
    text = [[cell(v) for v in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in text)) if text else len(h) for i, h in enumerate(headers)]
    print(title)
    print('  '.join(h.rjust(w) for h, w in zip(headers, widths)))
    for r in text:
        print('  '.join(v.rjust(w) for v, w in zip(r, widths)))
    print()


def hex_to_rgb(colour):
    return np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)], dtype=np.float64)


def boundary_image(probabilities, resolution, classes):
    """An RGB image of a decision map, tinted like the widget's: each cell gets the colour of its
    most likely class, from white (a guess, probability 1/classes) to 55 % colour (certain)."""
    p = probabilities.reshape(resolution, resolution, classes)
    best = p.argmax(axis=2)
    confidence = np.clip((p.max(axis=2) - 1 / classes) / (1 - 1 / classes), 0, 1) * 0.55
    image = np.zeros((resolution, resolution, 3))
    for c in range(classes):
        rgb = hex_to_rgb(CLASS_COLOURS[c % len(CLASS_COLOURS)])
        mask = best == c
        image[mask] = 255 + (rgb - 255) * confidence[mask][:, None]
    return np.round(image) / 255


def draw_boundary(ax, probabilities, resolution, classes, extent, x, y, title):
    """A decision map with the training points on top (at most about 300 of them, as in the widget)."""
    x_min, x_max, y_min, y_max = extent
    ax.imshow(boundary_image(probabilities, resolution, classes), extent=(x_min, x_max, y_min, y_max),
              origin='upper', interpolation='nearest')
    stride = max(1, len(y) // 300)
    for c in range(classes):
        pick = np.where(y[::stride] == c)[0] * stride
        ax.scatter(x[pick, 0], x[pick, 1], s=6, color=CLASS_COLOURS[c % len(CLASS_COLOURS)],
                   edgecolors='white', linewidths=0.3)
    ax.set_xlim(x_min, x_max)
    ax.set_ylim(y_min, y_max)
    ax.set_aspect('equal')
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_title(title, fontsize=10)
