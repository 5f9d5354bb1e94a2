// The view as a PNG: sigma draws into several stacked canvases (WebGL for edges and nodes, 2D for
// labels); they are rendered once more and copied, in the same task, onto one white canvas.
const LAYERS = ["edges", "edgeLabels", "nodes", "labels", "hovers", "hoverNodes"];

/** The parts of a sigma renderer the snapshot needs. */
export interface Drawn {
  refresh(): unknown;
  getCanvases(): Record<string, HTMLCanvasElement>;
}

export function snapshot(sigma: Drawn, background = "#ffffff"): Promise<Blob> {
  // A WebGL canvas keeps its pixels only until the frame is shown: draw and copy without yielding.
  sigma.refresh();
  const layers = sigma.getCanvases();
  const first = layers.nodes ?? Object.values(layers)[0];
  if (!first) return Promise.reject(new Error("nothing drawn"));
  const out = document.createElement("canvas");
  out.width = first.width;
  out.height = first.height;
  const ctx = out.getContext("2d")!;
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, out.width, out.height);
  for (const name of LAYERS) {
    const c = layers[name];
    if (c) ctx.drawImage(c, 0, 0, out.width, out.height);
  }
  return new Promise((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error("the image could not be encoded"))), "image/png"));
}
