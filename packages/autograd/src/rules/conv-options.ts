import type { Conv2dAttrs, Conv2dOptions } from '@nagare/tensor';

/** The options that make `conv2d` run with exactly these normalized attributes. */
export function convOptions({ stride, padding, dilation, groups }: Conv2dAttrs): Conv2dOptions {
  return { stride, padding, dilation, groups };
}
