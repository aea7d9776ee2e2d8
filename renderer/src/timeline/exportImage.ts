/**
 * The timeline as a file: an SVG that stands alone (the page's colours written into it, since
 * CSS variables do not travel), or a PNG drawn from that SVG at twice the size.
 */
export function standaloneSvg(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const style = getComputedStyle(svg);
  const resolve = (value: string | null): string | null => (value && value.startsWith('var(') ? style.getPropertyValue(value.slice(4, -1).trim()).trim() || value : value);
  for (const el of [copy, ...copy.querySelectorAll('*')]) {
    for (const attr of ['fill', 'stroke']) {
      const v = el.getAttribute(attr);
      if (v) el.setAttribute(attr, resolve(v)!);
    }
  }
  copy.removeAttribute('tabindex');
  copy.removeAttribute('role');
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

export function download(name: string, href: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
}

export function downloadSvg(svg: SVGSVGElement, name: string): void {
  download(name, `data:image/svg+xml;charset=utf-8,${encodeURIComponent(standaloneSvg(svg))}`);
}

export function downloadPng(svg: SVGSVGElement, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = svg.width.baseVal.value * 2;
      canvas.height = svg.height.baseVal.value * 2;
      const ctx = canvas.getContext('2d');
      if (!ctx) return reject(new Error('No canvas'));
      ctx.scale(2, 2);
      ctx.drawImage(image, 0, 0);
      download(name, canvas.toDataURL('image/png'));
      resolve();
    };
    image.onerror = () => reject(new Error('The timeline could not be drawn as an image.'));
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(standaloneSvg(svg))}`;
  });
}
