# %%
# Seeded random numbers, made exactly as the widget makes them (src/lib/ml/prng.ts).
# The widget never uses an unseeded random source: the data, the initial weights and the order
# of the mini-batches all come from this generator, so a seed gives the same numbers here as in
# the browser: the same integers bit for bit, and the same 32-bit floats (see normal()).
# The generator is sfc32 ("Small Fast Counting", 128 bits of state); splitmix32 turns a seed
# into its four starting words. Everything is unsigned 32-bit integer arithmetic:
# `& MASK` keeps the low 32 bits, like JavaScript's `| 0` and `>>> 0`.

MASK = 0xFFFFFFFF


def imul(a, b):
    """32-bit multiplication (JavaScript's Math.imul): the low 32 bits of a * b."""
    return (a * b) & MASK


def splitmix32(state):
    """One step of splitmix32, a good 32-bit mixer. Returns (next state, output)."""
    state = (state + 0x9E3779B9) & MASK
    z = state
    z = imul(z ^ (z >> 16), 0x21F0AAAD)
    z = imul(z ^ (z >> 15), 0x735A2D97)
    z = z ^ (z >> 15)
    return state, z


class Rng:
    """A seeded random stream. Every method moves the stream forward."""

    def __init__(self, seed):
        state = int(seed) & MASK
        words = []
        for _ in range(4):
            state, out = splitmix32(state)
            words.append(out)
        self.a, self.b, self.c, self.d = words
        self.spare = None  # normal() makes its samples in pairs and keeps the second one here
        # Warm up: the first outputs of a counting generator still resemble the seed words.
        for _ in range(12):
            self.next_uint32()

    def next_uint32(self):
        """The next raw 32-bit integer, in [0, 2**32)."""
        t = (self.a + self.b + self.d) & MASK
        self.d = (self.d + 1) & MASK
        self.a = self.b ^ (self.b >> 9)
        self.b = (self.c + (self.c << 3)) & MASK
        self.c = ((self.c << 21) | (self.c >> 11)) & MASK
        self.c = (self.c + t) & MASK
        return t

    def uniform(self):
        """A float in [0, 1) with 32 random bits."""
        return self.next_uint32() / 4294967296

    def uniform_range(self, low, high):
        """A float in [low, high)."""
        return low + (high - low) * self.uniform()

    def int(self, n):
        """An integer in [0, n), without modulo bias: values above the last multiple of n are redrawn."""
        limit = 4294967296 - (4294967296 % n)
        r = self.next_uint32()
        while r >= limit:
            r = self.next_uint32()
        return r % n

    def normal(self, mean=0.0, std=1.0):
        """A sample of N(mean, std²) by the Box–Muller transform. Python's log, sin and cos may
        round the last bit of a 64-bit float differently from the browser's; the widget keeps
        every sample as a 32-bit float, and those are the same."""
        if self.spare is not None:
            z = self.spare
            self.spare = None
            return mean + std * z
        u1 = 1 - self.uniform()  # in (0, 1], so log(u1) is finite
        u2 = self.uniform()
        radius = math.sqrt(-2 * math.log(u1))
        self.spare = radius * math.sin(2 * math.pi * u2)
        return mean + std * radius * math.cos(2 * math.pi * u2)

    def shuffle(self, items):
        """Shuffles a list (or array) in place, Fisher–Yates, and returns it."""
        for i in range(len(items) - 1, 0, -1):
            j = self.int(i + 1)
            items[i], items[j] = items[j], items[i]
        return items


def derive_seed(seed, label):
    """The seed of an independent sub-stream, e.g. derive_seed(seed, 'init') for the weights:
    a hash (FNV-1a) of the label mixed with the seed, so drawing more numbers in one stream
    never shifts another."""
    h = 0x811C9DC5 ^ (int(seed) & MASK)
    for ch in label:
        h ^= ord(ch)
        h = imul(h, 0x01000193)
    return splitmix32(h)[1]
