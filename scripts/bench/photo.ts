/**
 * A stand-in for a phone photo, made from a seed: a colour gradient, overlapping translucent discs
 * and several octaves of value noise (detail at every scale, so the small and large sizes the
 * server makes weigh what a real photo's would), plus per-pixel sensor noise — encoded as a JPEG
 * at quality 90 with a camera's EXIF, including the GPS position the server must strip.
 */
import sharp from 'sharp';

/** xorshift32: the same photo for the same seed on every machine. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 0x9e3779b9;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

/** The picture's shapes and textures at a quarter of its size (cheap to compute in JS), as RGB bytes. */
function structure(w: number, h: number, rand: () => number): Buffer {
  const px = Buffer.alloc(w * h * 3);
  const octaves = [
    { cells: 6, amp: 70 },
    { cells: 24, amp: 44 },
    { cells: 96, amp: 30 },
    { cells: 384, amp: 22 },
  ].map(({ cells, amp }) => {
    const gw = cells + 2;
    const gh = Math.ceil((cells * h) / w) + 2;
    const grid = new Float32Array(gw * gh);
    for (let i = 0; i < grid.length; i++) grid[i] = rand() - 0.5;
    return { grid, gw, scale: cells / w, amp };
  });
  const colour = () => [rand() * 255, rand() * 255, rand() * 255] as const;
  const [from, to] = [colour(), colour()];
  const discs = Array.from({ length: 24 }, () => ({ x: rand() * w, y: rand() * h, r: (0.03 + rand() * 0.15) * w, c: colour() }));
  const row = new Float32Array(w * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const t = (x / w + y / h) / 2;
      for (let k = 0; k < 3; k++) row[x * 3 + k] = from[k]! * (1 - t) + to[k]! * t;
    }
    for (const d of discs) {
      const dy = y - d.y;
      if (Math.abs(dy) >= d.r) continue;
      const dx = Math.sqrt(d.r * d.r - dy * dy);
      for (let x = Math.max(0, Math.ceil(d.x - dx)); x <= Math.min(w - 1, Math.floor(d.x + dx)); x++) {
        for (let k = 0; k < 3; k++) row[x * 3 + k] = (row[x * 3 + k]! + d.c[k]!) / 2;
      }
    }
    for (let x = 0; x < w; x++) {
      let n = 0;
      for (const o of octaves) {
        const fx = x * o.scale;
        const fy = y * o.scale;
        const ix = fx | 0;
        const iy = fy | 0;
        const tx = fx - ix;
        const ty = fy - iy;
        const i = iy * o.gw + ix;
        const top = o.grid[i]! * (1 - tx) + o.grid[i + 1]! * tx;
        const bottom = o.grid[i + o.gw]! * (1 - tx) + o.grid[i + o.gw + 1]! * tx;
        n += o.amp * (top * (1 - ty) + bottom * ty);
      }
      for (let k = 0; k < 3; k++) {
        const v = row[x * 3 + k]! + n;
        px[(y * w + x) * 3 + k] = v < 0 ? 0 : v > 255 ? 255 : v;
      }
    }
  }
  return px;
}

export const cameraExif = {
  IFD0: { Make: 'PhoneCam', Model: 'Bench 12', DateTime: '2026:03:14 10:21:07' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 12/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 39/1' },
};

/** A JPEG of `width`×`height` (quality 90) with camera EXIF and a GPS position. */
export async function makePhoto(width: number, height: number, seed: number): Promise<Buffer> {
  const rand = random(seed * 2654435761);
  const qw = Math.ceil(width / 4);
  const qh = Math.ceil(height / 4);
  const pixels = await sharp(structure(qw, qh, rand), { raw: { width: qw, height: qh, channels: 3 } })
    .resize(width, height, { fit: 'fill', kernel: 'cubic' })
    .raw()
    .toBuffer();
  // Sensor noise, pixel by pixel.
  for (let i = 0; i < pixels.length; i++) {
    const v = pixels[i]! + (rand() - 0.5) * 40;
    pixels[i] = v < 0 ? 0 : v > 255 ? 255 : v;
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 }).withExif(cameraExif).toBuffer();
}
