/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The page language on the notebook's own pages outside Starlight (embeds): see `components/locale.ts`. */
    nbLocale?: 'zh' | 'en';
  }
}
