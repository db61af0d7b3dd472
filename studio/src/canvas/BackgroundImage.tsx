// The traced background image (a plan scan or a photo of the venue) under everything else.
import { useEffect, useState } from 'react';
import { Image } from 'react-konva';
import type { Background } from '@parterre/seatmaps';

export function BackgroundImage({ background }: { background: Background }) {
  const [image, setImage] = useState<HTMLImageElement | null>(null);
  useEffect(() => {
    const img = new window.Image();
    img.onload = () => setImage(img);
    img.src = background.url;
    return () => {
      img.onload = null;
    };
  }, [background.url]);
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
