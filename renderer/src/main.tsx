import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connect } from './api.js';
import { App } from './App.js';
import { AppProviders } from './context.js';
import '../../assets/briefing.css';
import './styles.css';

const connection = connect();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProviders connection={connection}>
      <App />
    </AppProviders>
  </StrictMode>,
);
