// Every module create-jam knows, in prompt order within each kind. Adding a choice = adding a
// template folder with a module.ts and one line here.
import auth0 from "../../../templates/auth-auth0/module.ts";
import supabaseAuth from "../../../templates/auth-supabase/module.ts";
import firebaseAuth from "../../../templates/auth-firebase/module.ts";
import supabaseBackend from "../../../templates/backend-supabase/module.ts";
import firebaseBackend from "../../../templates/backend-firebase/module.ts";
import base from "../../../templates/base/module.ts";
import snipcart from "../../../templates/commerce-snipcart/module.ts";
import stripe from "../../../templates/commerce-stripe/module.ts";
import contentful from "../../../templates/content-contentful/module.ts";
import markdown from "../../../templates/content-markdown/module.ts";
import notion from "../../../templates/content-notion/module.ts";
import sanity from "../../../templates/content-sanity/module.ts";
import strapi from "../../../templates/content-strapi/module.ts";
import cloudflare from "../../../templates/deploy-cloudflare/module.ts";
import githubPages from "../../../templates/deploy-github-pages/module.ts";
import netlify from "../../../templates/deploy-netlify/module.ts";
import vercel from "../../../templates/deploy-vercel/module.ts";
import astro from "../../../templates/framework-astro/module.ts";
import eleventy from "../../../templates/framework-eleventy/module.ts";
import gatsby from "../../../templates/framework-gatsby/module.ts";
import hugo from "../../../templates/framework-hugo/module.ts";
import next from "../../../templates/framework-next/module.ts";
import nuxt from "../../../templates/framework-nuxt/module.ts";
import sveltekit from "../../../templates/framework-sveltekit/module.ts";
import hybrid from "../../../templates/rendering-hybrid/module.ts";
import staticRendering from "../../../templates/rendering-static/module.ts";
import pagefind from "../../../templates/search-pagefind/module.ts";
import algolia from "../../../templates/search-algolia/module.ts";
import type { Registry } from "./stack.ts";

export const registry: Registry = [base, astro, next, nuxt, sveltekit, gatsby, eleventy, hugo, staticRendering, hybrid, markdown, sanity, contentful, strapi, notion, stripe, snipcart, auth0, supabaseAuth, firebaseAuth, supabaseBackend, firebaseBackend, pagefind, algolia, vercel, netlify, cloudflare, githubPages];
