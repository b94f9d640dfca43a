import { CONTENT_SIZES, type OutputFormat, heightAt, sizedImage } from "../../src/media/responsive.ts";
import type { PageData } from "../../src/render/page-data.ts";
import { href } from "./links.ts";

const MIME: Readonly<Record<OutputFormat, string>> = { avif: "image/avif", webp: "image/webp", jpeg: "image/jpeg", png: "image/png" };

interface PictureProps {
  data: PageData;
  /** The image's site path, `/images/<name>`. */
  src: string;
  alt: string;
  className?: string;
  sizes?: string;
  lazy?: boolean;
}

/**
 * An editor's image as a `<picture>` of its resized copies (AVIF, WebP, then JPEG or PNG),
 * with its width and height so the page does not move as it loads. What the check read of
 * the image (its size and the names of its copies) comes with every page's data. The same
 * markup as body images (src/media/responsive.ts pictureHtml), made with the escaping JSX runtime.
 */
export function Picture({ data, src, alt, className, sizes = CONTENT_SIZES, lazy = false }: PictureProps) {
  const info = data.media.images.get(src);
  const sized = info ? sizedImage(info) : undefined;
  if (!info || !sized) {
    return (
      <img class={className} src={href(data, src)} alt={alt} width={info?.width} height={info?.height} loading={lazy ? "lazy" : undefined} decoding="async" />
    );
  }
  const srcset = (format: OutputFormat) =>
    sized.files
      .filter((file) => file.format === format)
      .map((file) => `${href(data, `/${file.path}`)} ${file.width}w`)
      .join(", ");
  const fallback = sized.formats.at(-1) ?? "jpeg";
  const largest = sized.files.filter((file) => file.format === fallback).at(-1);
  const width = largest?.width ?? info.width;
  return (
    <picture>
      {sized.formats.slice(0, -1).map((format) => (
        <source type={MIME[format]} srcset={srcset(format)} sizes={sizes} />
      ))}
      <img
        class={className}
        src={href(data, largest ? `/${largest.path}` : src)}
        srcset={srcset(fallback)}
        sizes={sizes}
        alt={alt}
        width={width}
        height={heightAt(info, width)}
        loading={lazy ? "lazy" : undefined}
        decoding="async"
      />
    </picture>
  );
}
