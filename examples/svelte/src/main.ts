import 'netlify-identity-elements';
import type {} from 'netlify-identity-elements/svelte';
import { mount } from 'svelte';
import App from './App.svelte';

mount(App, { target: document.getElementById('app')! });
