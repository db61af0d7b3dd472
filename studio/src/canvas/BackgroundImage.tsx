// The traced background image (a plan scan or a photo of the venue) under everything else.
import { useEffect, useState } from 'react';
import { Image } from 'react-konva';
import type { Background } from '@parterre/seatmaps';

interface Props {
  readonly background: Background;
  /** Hears the image's natural size once loaded (the select tool drags an unlocked image). */
  readonly onSize: (size: { url: string; width: number; height: number }) => void;
}

export function BackgroundImage({ background, onSize }: Props) {
  const [image, setImage] = useState<HTMLImageElement | null>(null);
  useEffect(() => {
    const img = new window.Image();
    const url = background.url;
    img.onload = () => {
      setImage(img);
      onSize({ url, width: img.naturalWidth, height: img.naturalHeight });
    };
    img.src = url;
    return () => {
      img.onload = null;
    };
  }, [background.url, onSize]);
  if (!image) return null;
  return (
    <Image
      image={image}
      x={background.x}
      y={background.y}
      scaleX={background.scale}
      scaleY={background.scale}
      opacity={background.opacity}
      listening={false}
    />
  );
}
