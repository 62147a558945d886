import 'reflect-metadata';
import { runProcess } from '@scrm/platform';
import { createWorkerApp } from './create-worker-app';

runProcess('worker', () => createWorkerApp());
